using System.Text;

namespace Hub.Adapters.Tests.Csv;

/// <summary>The straightforward field splitter the fast <see cref="Hub.Adapters.Csv.CsvFields"/> is checked against (the original, kept verbatim). Splits one decoded CSV record into fields (RFC 4180: quoted fields, doubled quotes).</summary>
internal static class ReferenceCsvFields
{
    /// <summary>The fields of <paramref name="record"/>; a malformed quote is reported, not guessed.</summary>
    public static bool TrySplit(string record, List<string> fields, out string? error)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(fields);
        fields.Clear();
        error = null;
        var sb = new StringBuilder();
        var i = 0;
        while (true)
        {
            sb.Clear();
            if (i < record.Length && record[i] == '"')
            {
                i++;
                while (true)
                {
                    if (i >= record.Length)
                    {
                        error = $"unterminated quoted field {fields.Count + 1}";
                        return false;
                    }

                    if (record[i] == '"')
                    {
                        if (i + 1 < record.Length && record[i + 1] == '"')
                        {
                            sb.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    sb.Append(record[i++]);
                }

                if (i < record.Length && record[i] != ',')
                {
                    error = $"unexpected character after the closing quote of field {fields.Count + 1}";
                    return false;
                }
            }
            else
            {
                var comma = record.IndexOf(',', i);
                var end = comma < 0 ? record.Length : comma;
                sb.Append(record, i, end - i);
                i = end;
            }

            fields.Add(sb.ToString());
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
}
