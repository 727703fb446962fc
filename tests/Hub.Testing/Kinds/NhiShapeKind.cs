using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Adapters.Catalog;
using Hub.Adapters.Records;
using Hub.Data.Entities;

namespace Hub.Testing.Kinds;

/// <summary>
/// A record kind declared as data with the shape of 国保資格 (<c>nhi</c>): every field of
/// <c>schemas/records/nhi-qualification.schema.json</c> under the kind <c>nhiShape</c>, the same key, subject and dating,
/// and <c>acquisitionReason</c> (資格取得事由) indexed. The benchmarks store the same rows in the typed <c>nhi</c> table and
/// in the generic table through it, so that both paths are measured on one shape.
/// </summary>
public static class NhiShapeKind
{
    /// <summary>The kind's name (<c>x-hub-record</c>).</summary>
    public const string Name = "nhiShape";

    /// <summary>The indexed field (<c>x-hub-indexed</c>).</summary>
    public const string IndexedField = "acquisitionReason";

    /// <summary>
    /// A catalog folder under <paramref name="work"/>: a copy of the repository's <c>schemas/records</c> plus
    /// <c>nhi-shape.schema.json</c>. Returns the folder.
    /// </summary>
    public static string CatalogDirectory(string work)
    {
        var source = SchemaDirectory.Find("records");
        var target = Path.Combine(work, "records-with-nhi-shape");
        Directory.CreateDirectory(target);
        foreach (var file in Directory.GetFiles(source, "*.schema.json"))
        {
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)), overwrite: true);
        }

        File.WriteAllText(Path.Combine(target, "nhi-shape.schema.json"), Schema(File.ReadAllText(Path.Combine(source, "nhi-qualification.schema.json"))));
        return target;
    }

    /// <summary>nhi-qualification's schema as the kind <see cref="Name"/>: paths renamed, <see cref="IndexedField"/> indexed.</summary>
    public static string Schema(string nhiSchema)
    {
        var root = JsonNode.Parse(nhiSchema)!.AsObject();
        root["$id"] = "https://municipalhub.example/schemas/records/nhi-shape.schema.json";
        root["x-hub-record"] = Name;
        root["x-hub-label"] = "国保資格 (汎用保存)";
        root["x-hub-indexed"] = new JsonArray(IndexedField);
        foreach (var (name, property) in root["properties"]!.AsObject())
        {
            property!["x-hub-path"] = $"{Name}.{name}";
        }

        return root.ToJsonString(new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>A typed 国保 qualification as a record of <see cref="Name"/> (the same values, field by field).</summary>
    public static CanonicalGenericRecord From(RecordKind kind, CanonicalNhiQualification q)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(q);
        return Record(kind, q.AtenaNumber.Value, q.HouseholdNumber?.Value, q.InsuredSymbol, q.InsuredNumber, q.AcquiredOn, q.LostOn, q.AcquisitionReason, q.LossReason, q.SourceTimestamp);
    }

    /// <summary>A stored typed 国保 qualification (its latest version) as a record of <see cref="Name"/>.</summary>
    public static CanonicalGenericRecord From(RecordKind kind, NhiQualificationRecord q, DateTimeOffset timestamp)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(q);
        return Record(kind, q.AtenaNumber, q.HouseholdNumber, q.InsuredSymbol, q.InsuredNumber, q.AcquiredOn, q.LostOn, q.AcquisitionReason, q.LossReason, timestamp);
    }

    private static CanonicalGenericRecord Record(RecordKind kind, string atena, string? household, string? symbol, string? number, DateOnly? acquired, DateOnly? lost, string? acquisitionReason, string? lossReason, DateTimeOffset timestamp)
    {
        var values = new Dictionary<string, object?>(8, StringComparer.Ordinal)
        {
            ["atenaNumber"] = atena,
            ["householdNumber"] = household,
            ["insuredSymbol"] = symbol,
            ["insuredNumber"] = number,
            ["acquiredOn"] = acquired,
            ["lostOn"] = lost,
            ["acquisitionReason"] = acquisitionReason,
            ["lossReason"] = lossReason,
        };
        return new CanonicalGenericRecord { Kind = Name, Key = kind.KeyOf(values), Values = values, SourceTimestamp = timestamp };
    }

    /// <summary>The invariant text of <paramref name="n"/>, for generated identifiers.</summary>
    internal static string Digits(long n, int width) => n.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0');
}
