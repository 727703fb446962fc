using Hub.Adapters.Domain.Dates;
using System.Globalization;
using System.Text.Json;
using Hub.Adapters.Domain.Text;
using Hub.Adapters.Layouts;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Nhi;

/// <summary>The NHI API's JSON items → <see cref="Records.CanonicalNhiQualification"/>, through the same field conversion as layouts.</summary>
internal static class NhiItemMapping
{
    private static readonly (string Json, string Field, FieldKind Kind)[] Properties =
    [
        ("atenaNumber", "atenaNumber", FieldKind.Atena),
        ("householdNumber", "householdNumber", FieldKind.Household),
        ("insuredSymbol", "insuredSymbol", FieldKind.Text),
        ("insuredNumber", "insuredNumber", FieldKind.Text),
        ("acquiredOn", "acquiredOn", FieldKind.Date),
        ("lostOn", "lostOn", FieldKind.Date),
        ("acquisitionReason", "acquisitionReason", FieldKind.Text),
        ("lossReason", "lossReason", FieldKind.Text),
        ("myNumber", "myNumber", FieldKind.MyNumber),
        ("updatedAt", "sourceTimestamp", FieldKind.Timestamp),
    ];

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
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("items", out var items) || items.ValueKind != JsonValueKind.Array)
            {
                throw new SourceReadException($"{where}: the answer is JSON but not {{\"items\": [...], \"nextPage\": …}}.", isTransient: false);
            }

            int? next = root.TryGetProperty("nextPage", out var np) && np.ValueKind == JsonValueKind.Number ? np.GetInt32() : null;
            var list = new List<(byte[], DateTimeOffset?, string)>(items.GetArrayLength());
            foreach (var item in items.EnumerateArray())
            {
                var raw = System.Text.Encoding.UTF8.GetBytes(item.GetRawText());
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

    public static SourceItem Map(RecordConverter converter, string location, byte[] raw)
    {
        using var doc = JsonDocument.Parse(raw);
        var item = doc.RootElement;
        if (item.ValueKind != JsonValueKind.Object)
        {
            return SourceItem.Rejected(location, raw, "item is not a JSON object");
        }

        var texts = new string?[Properties.Length];
        for (var i = 0; i < Properties.Length; i++)
        {
            if (!item.TryGetProperty(Properties[i].Json, out var v) || v.ValueKind == JsonValueKind.Null)
            {
                texts[i] = string.Empty;
            }
            else if (v.ValueKind == JsonValueKind.String)
            {
                texts[i] = v.GetString();
            }
            else
            {
                return SourceItem.Rejected(location, raw, $"{Properties[i].Json}: not a string");
            }
        }

        return converter.Convert(location, raw, i => texts[i]);
    }
}
