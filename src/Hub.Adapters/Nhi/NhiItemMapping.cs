using Hub.Adapters.Domain.Dates;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Hub.Adapters.Domain.Text;
using Hub.Adapters.Layouts;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Nhi;

/// <summary>The NHI API's JSON items → <see cref="Records.CanonicalNhiQualification"/>, through the same field conversion as layouts.</summary>
internal static class NhiItemMapping
{
    private static readonly (string Json, string Field, FieldKind Kind, byte[] Utf8)[] Properties =
    [
        Property("atenaNumber", "atenaNumber", FieldKind.Atena),
        Property("householdNumber", "householdNumber", FieldKind.Household),
        Property("insuredSymbol", "insuredSymbol", FieldKind.Text),
        Property("insuredNumber", "insuredNumber", FieldKind.Text),
        Property("acquiredOn", "acquiredOn", FieldKind.Date),
        Property("lostOn", "lostOn", FieldKind.Date),
        Property("acquisitionReason", "acquisitionReason", FieldKind.Text),
        Property("lossReason", "lossReason", FieldKind.Text),
        Property("myNumber", "myNumber", FieldKind.MyNumber),
        Property("updatedAt", "sourceTimestamp", FieldKind.Timestamp),
    ];

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    private static (string, string, FieldKind, byte[]) Property(string json, string field, FieldKind kind) =>
        (json, field, kind, Encoding.UTF8.GetBytes(json));

    public static RecordConverter Converter(bool verifyCheckDigits) => new(
        RecordMapping.ByKind["nhi-qualification"],
        [.. Properties.Select((p, i) => new CompiledField(p.Field, p.Kind, null, null, "none", p.Json, i + 1, 0, 0))],
        GaijiTable.Empty,
        verifyCheckDigits,
        TimeSpan.FromHours(9));

    public static (List<(byte[] Raw, DateTimeOffset? UpdatedAt, string Key)> Items, int? NextPage) ParsePage(byte[] body, string where)
    {
        try
        {
            // RFC 8259 §8.1: a parser may ignore a byte order mark before the text; it is not part of any item.
            using var doc = JsonDocument.Parse(body.AsMemory(body.AsSpan().StartsWith(Utf8Bom) ? Utf8Bom.Length : 0));
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                throw new SourceReadException($"{where}: the answer is JSON but not {{\"items\": [...], \"nextPage\": …}}.", isTransient: false);
            }

            int? next = root.TryGetProperty("nextPage", out var np) && np.ValueKind == JsonValueKind.Number ? np.GetInt32() : null;
            var list = new List<(byte[], DateTimeOffset?, string)>(items.GetArrayLength());
            foreach (var item in items.EnumerateArray())
            {
                var raw = RawBytes(item);
                DateTimeOffset? updated = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("updatedAt", out var u) && u.ValueKind == JsonValueKind.String
                    && IsoText.TryParseTimestamp(u.GetString(), out var t) ? t : null;
                var key = item.ValueKind == JsonValueKind.Object && item.TryGetProperty("atenaNumber", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString()! : string.Empty;
                list.Add((raw, updated, key));
            }

            return (list, next);
        }
        catch (JsonException ex)
        {
            throw new SourceReadException(string.Create(CultureInfo.InvariantCulture, $"{where}: the answer is not valid JSON (byte {ex.BytePositionInLine}, line {ex.LineNumber})."), isTransient: false, ex);
        }
    }

    /// <summary>The item's bytes as the API sent them (valid UTF-8 round-trips through text unchanged, so it is copied as is).</summary>
    private static byte[] RawBytes(JsonElement item)
    {
        var bytes = JsonMarshal.GetRawUtf8Value(item);
        return Utf8.IsValid(bytes) ? bytes.ToArray() : Encoding.UTF8.GetBytes(item.GetRawText());
    }

    /// <summary>
    /// Maps one item, reading it once with <see cref="Utf8JsonReader"/>: a property given twice counts as its
    /// last value, a missing or null one as empty, and any other kind than a string rejects the item.
    /// </summary>
    public static SourceItem Map(RecordConverter converter, string location, byte[] raw)
    {
        var reader = new Utf8JsonReader(raw);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return SourceItem.Rejected(location, raw, "item is not a JSON object");
        }

        var texts = new string?[Properties.Length];
        var notString = new bool[Properties.Length];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var at = IndexOf(ref reader);
            reader.Read();
            if (at < 0)
            {
                reader.Skip();
                continue;
            }

            notString[at] = reader.TokenType is not (JsonTokenType.String or JsonTokenType.Null);
            texts[at] = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            reader.Skip();
        }

        for (var i = 0; i < Properties.Length; i++)
        {
            if (notString[i])
            {
                return SourceItem.Rejected(location, raw, $"{Properties[i].Json}: not a string");
            }

            texts[i] ??= string.Empty;
        }

        return converter.Convert(location, raw, texts);
    }

    private static int IndexOf(ref Utf8JsonReader reader)
    {
        for (var i = 0; i < Properties.Length; i++)
        {
            if (reader.ValueTextEquals(Properties[i].Utf8))
            {
                return i;
            }
        }

        return -1;
    }
}
