using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Hub.Adapters.Catalog;
using Hub.Adapters.Records;
using Hub.Data.Entities;

namespace Hub.Sync.Writing;

/// <summary>
/// A checked generic record (<see cref="RecordValues.Check"/>) → a stored version of the generic table: its values as one
/// JSON object in the kind's field order (dates <c>yyyy-MM-dd</c>, empty fields left out), its subject's 宛名番号, validity
/// from the kind's dating fields and a 消除, and a content hash of all of these. The same values give the same text and
/// hash, so an unchanged record is counted, not rewritten.
/// </summary>
internal static class GenericMapping
{
    /// <summary>Validity of a record whose kind has no dating, or whose from-date is empty: since always.</summary>
    public static readonly DateTime Always = new(1, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? _buffer;

    public static GenericRecord ToRecord(CanonicalGenericRecord g, RecordKind kind, IReadOnlyDictionary<string, object> values, RunStamp stamp)
    {
        var record = Provenance.Stamp(new GenericRecord
        {
            Kind = kind.Name,
            AtenaNumber = (string)values[kind.Subject],
            Values = Json(kind, values),
        }, g.SourceKey, g.SourceTimestamp, stamp);
        var (from, to) = Validity(kind, values);
        if (g.IsRemoved)
        {
            // 消除: validity ends when the source removed the record, unless it had ended before.
            var removedAt = g.SourceTimestamp.UtcDateTime;
            to = to is { } end && end < removedAt ? end : removedAt;
        }

        record.ValidFrom = from;
        record.ValidTo = to;
        record.ContentHash = ContentHash.Begin().Add(record.Kind).Add(record.AtenaNumber).Add(record.Values).Add(record.ValidFrom).Add(record.ValidTo).Finish();
        return record;
    }

    /// <summary>
    /// Business validity as UTC instants: from the start (JST) of the from-date; to the start of the to-date, or of the day
    /// after it when the kind's end is inclusive (認定有効期間の終了日 is the last valid day).
    /// </summary>
    public static (DateTime From, DateTime? To) Validity(RecordKind kind, IReadOnlyDictionary<string, object> values)
    {
        if (kind.Dating is not { } dating)
        {
            return (Always, null);
        }

        var from = values.TryGetValue(dating.From, out var f) ? Provenance.StartOfDayJst((DateOnly)f) : Always;
        DateTime? to = dating.To is { } toField && values.TryGetValue(toField, out var t)
            ? Provenance.StartOfDayJst(dating.ToInclusive ? ((DateOnly)t).AddDays(1) : (DateOnly)t)
            : null;
        return (from, to);
    }

    private static string Json(RecordKind kind, IReadOnlyDictionary<string, object> values)
    {
        var buffer = _buffer ??= new ArrayBufferWriter<byte>(1024);
        buffer.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            writer.WriteStartObject();
            foreach (var field in kind.Fields)
            {
                if (!values.TryGetValue(field.Name, out var value))
                {
                    continue;
                }

                writer.WritePropertyName(field.Name);
                switch (value)
                {
                    case string s:
                        writer.WriteStringValue(s);
                        break;
                    case long n:
                        writer.WriteNumberValue(n);
                        break;
                    case bool b:
                        writer.WriteBooleanValue(b);
                        break;
                    case DateOnly d:
                        writer.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                        break;
                    default:
                        throw new InvalidOperationException($"{kind.Name}.{field.Name}: a checked value of type {value.GetType().Name} is not stored.");
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
