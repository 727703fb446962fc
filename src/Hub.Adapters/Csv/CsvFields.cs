using System.Text;

namespace Hub.Adapters.Csv;

/// <summary>Splits one decoded CSV record into fields (RFC 4180: quoted fields, doubled quotes).</summary>
/// <remarks>
/// Each field is cut out of the record with at most one allocation (a substring; none for an empty or a
/// one-character ASCII field): separators and closing quotes are found with vectorized searches, and a quoted
/// field is unescaped only when it holds a doubled quote.
/// </remarks>
public static class CsvFields
{
    /// <summary>The fields of <paramref name="record"/>; a malformed quote is reported, not guessed.</summary>
    public static bool TrySplit(string record, List<string> fields, out string? error)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(fields);
        fields.Clear();
        error = null;
        var i = 0;
        while (true)
        {
            if (i < record.Length && record[i] == '"')
            {
                if (!TryQuoted(record, ref i, out var value))
                {
                    error = $"unterminated quoted field {fields.Count + 1}";
                    return false;
                }

                if (i < record.Length && record[i] != ',')
                {
                    error = $"unexpected character after the closing quote of field {fields.Count + 1}";
                    return false;
                }

                fields.Add(value);
            }
            else
            {
                var comma = record.IndexOf(',', i);
                var end = comma < 0 ? record.Length : comma;
                fields.Add(Field(record, i, end - i));
                i = end;
            }

            if (i >= record.Length)
            {
                return true;
            }

            i++; // the comma
            if (i == record.Length)
            {
                fields.Add(string.Empty);
                return true;
            }
        }
    }

    /// <summary>
    /// As <see cref="TrySplit(string, List{string}, out string?)"/> over the record's UTF-8 bytes, which the caller
    /// has checked are valid (<see cref="System.Text.Unicode.Utf8.IsValid"/>): each field is decoded on its own, so
    /// the record is never decoded as a whole. Commas and quotes are ASCII, so they split the bytes exactly where
    /// they split the text.
    /// </summary>
    public static bool TrySplitUtf8(ReadOnlySpan<byte> record, List<string> fields, out string? error)
    {
        ArgumentNullException.ThrowIfNull(fields);
        fields.Clear();
        error = null;
        var i = 0;
        while (true)
        {
            if (i < record.Length && record[i] == (byte)'"')
            {
                if (!TryQuotedUtf8(record, ref i, out var value))
                {
                    error = $"unterminated quoted field {fields.Count + 1}";
                    return false;
                }

                if (i < record.Length && record[i] != (byte)',')
                {
                    error = $"unexpected character after the closing quote of field {fields.Count + 1}";
                    return false;
                }

                fields.Add(value);
            }
            else
            {
                var comma = record[i..].IndexOf((byte)',');
                var end = comma < 0 ? record.Length : i + comma;
                fields.Add(FieldUtf8(record[i..end]));
                i = end;
            }

            if (i >= record.Length)
            {
                return true;
            }

            i++; // the comma
            if (i == record.Length)
            {
                fields.Add(string.Empty);
                return true;
            }
        }
    }

    /// <summary>
    /// The field at <paramref name="index"/> (0-based) of an undecoded record when it is ASCII text, whatever the record's
    /// encoding: commas and quotes are ASCII and never a byte of a multi-byte character in UTF-8, CP932 or EUC-JP, so they
    /// cut the bytes where they cut the text. For a key (宛名番号) of a row that cannot be decoded as a whole.
    /// </summary>
    public static bool TryGetAsciiField(ReadOnlySpan<byte> record, int index, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        value = null;
        var i = 0;
        for (var field = 0; ; field++)
        {
            ReadOnlySpan<byte> bytes;
            if (i < record.Length && record[i] == (byte)'"')
            {
                var close = i + 1;
                while (true)
                {
                    var quote = record[close..].IndexOf((byte)'"');
                    if (quote < 0)
                    {
                        return false;
                    }

                    close += quote;
                    if (close + 1 < record.Length && record[close + 1] == (byte)'"')
                    {
                        close += 2;
                        continue;
                    }

                    break;
                }

                bytes = record[(i + 1)..close];
                i = close + 1;
            }
            else
            {
                var comma = record[i..].IndexOf((byte)',');
                var end = comma < 0 ? record.Length : i + comma;
                bytes = record[i..end];
                i = end;
            }

            if (field == index)
            {
                if (!System.Text.Ascii.IsValid(bytes) || bytes.Contains((byte)'"'))
                {
                    return false;
                }

                value = Encoding.ASCII.GetString(bytes);
                return true;
            }

            if (i >= record.Length || record[i] != (byte)',')
            {
                return false;
            }

            i++;
        }
    }

    private static bool TryQuotedUtf8(ReadOnlySpan<byte> record, ref int i, out string value)
    {
        var start = i + 1;
        var at = start;
        var doubled = false;
        while (true)
        {
            var quote = record[at..].IndexOf((byte)'"');
            if (quote < 0)
            {
                value = string.Empty;
                return false;
            }

            quote += at;
            if (quote + 1 < record.Length && record[quote + 1] == (byte)'"')
            {
                doubled = true;
                at = quote + 2;
                continue;
            }

            value = FieldUtf8(record[start..quote]);
            if (doubled)
            {
                value = value.Replace("\"\"", "\"", StringComparison.Ordinal);
            }

            i = quote + 1;
            return true;
        }
    }

    private static string FieldUtf8(ReadOnlySpan<byte> bytes) => bytes.Length switch
    {
        0 => string.Empty,
        1 when bytes[0] < OneCharacter.Length => OneCharacter[bytes[0]],
        _ => Encoding.UTF8.GetString(bytes),
    };

    /// <summary>The text at <paramref name="start"/>; empty and one-character ASCII fields (flags, codes: 0, 1, 2) are shared instances.</summary>
    private static string Field(string record, int start, int length) => length switch
    {
        0 => string.Empty,
        1 when record[start] < OneCharacter.Length => OneCharacter[record[start]],
        _ => record.Substring(start, length),
    };

    private static readonly string[] OneCharacter = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    /// <summary>Reads the quoted field opening at <paramref name="i"/>; leaves <paramref name="i"/> after its closing quote.</summary>
    private static bool TryQuoted(string record, ref int i, out string value)
    {
        var start = i + 1;
        var at = start;
        var doubled = false;
        while (true)
        {
            var quote = record.IndexOf('"', at);
            if (quote < 0)
            {
                value = string.Empty;
                return false;
            }

            if (quote + 1 < record.Length && record[quote + 1] == '"')
            {
                doubled = true;
                at = quote + 2;
                continue;
            }

            value = Field(record, start, quote - start);
            if (doubled)
            {
                value = value.Replace("\"\"", "\"", StringComparison.Ordinal);
            }

            i = quote + 1;
            return true;
        }
    }
}
