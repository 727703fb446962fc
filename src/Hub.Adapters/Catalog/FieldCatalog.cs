using System.Text.Json;

namespace Hub.Adapters.Catalog;

/// <summary>
/// The field catalog, read from <c>schemas/records/*.schema.json</c>: the one list of canonical fields
/// that the database, the policies, the GraphQL schema and the forms all refer to.
/// </summary>
public sealed class FieldCatalog
{
    private readonly Dictionary<string, CatalogField> _byPath;

    private FieldCatalog(IReadOnlyList<CatalogField> fields)
    {
        Fields = fields;
        _byPath = fields.ToDictionary(f => f.Path, StringComparer.Ordinal);
    }

    /// <summary>Every field, in file then declaration order.</summary>
    public IReadOnlyList<CatalogField> Fields { get; }

    /// <summary>The records (resident, household, tax, nhi, childAllowance).</summary>
    public IEnumerable<string> Records => Fields.Select(f => f.Record).Distinct();

    /// <summary>The field at <paramref name="path"/>, or null.</summary>
    public CatalogField? Find(string path) => _byPath.GetValueOrDefault(path);

    /// <summary>True when <paramref name="path"/> is a catalog field.</summary>
    public bool Contains(string path) => _byPath.ContainsKey(path);

    /// <summary>Loads every <c>*.schema.json</c> in <paramref name="directory"/>; a malformed file fails naming the file and field.</summary>
    public static FieldCatalog Load(string directory)
    {
        var fields = new List<CatalogField>();
        foreach (var file in Directory.GetFiles(directory, "*.schema.json").Order(StringComparer.Ordinal))
        {
            fields.AddRange(ReadFile(file));
        }

        var duplicate = fields.GroupBy(f => f.Path).FirstOrDefault(g => g.Count() > 1);
        return duplicate is not null
            ? throw new InvalidDataException($"Field path {duplicate.Key} is declared twice in {directory}.")
            : new FieldCatalog(fields);
    }

    /// <summary>Loads the catalog shipped beside the executable, or found by walking up from the current folder.</summary>
    public static FieldCatalog LoadDefault() => Load(SchemaDirectory.Find("records"));

    private static IEnumerable<CatalogField> ReadFile(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var root = doc.RootElement;
        var record = root.TryGetProperty("x-hub-record", out var r) ? r.GetString()! : throw Bad(file, "(root)", "x-hub-record");
        var required = root.TryGetProperty("required", out var req) ? req.EnumerateArray().Select(e => e.GetString()).ToHashSet() : [];
        foreach (var prop in root.GetProperty("properties").EnumerateObject())
        {
            var p = prop.Value;
            string Get(string name) => p.TryGetProperty(name, out var v) && v.GetString() is { } s ? s : throw Bad(file, prop.Name, name);
            var standard = p.TryGetProperty("x-hub-standard", out var st) ? st : throw Bad(file, prop.Name, "x-hub-standard");
            var (type, nullable) = ReadType(p);
            yield return new CatalogField(
                Get("x-hub-path"),
                record,
                prop.Name,
                Get("x-hub-label"),
                type,
                nullable && !required.Contains(prop.Name),
                p.TryGetProperty("maxLength", out var ml) ? ml.GetInt32() : null,
                Get("x-hub-classification"),
                standard.GetProperty("specification").GetString()!,
                standard.GetProperty("item").GetString()!,
                p.TryGetProperty("x-hub-relation", out var rel) ? rel.GetString() : null);
        }
    }

    private static (string Type, bool Nullable) ReadType(JsonElement p)
    {
        if (p.TryGetProperty("$ref", out var reference))
        {
            return (reference.GetString()!.Split('/')[^1], true);
        }

        var t = p.GetProperty("type");
        var types = t.ValueKind == JsonValueKind.Array ? t.EnumerateArray().Select(e => e.GetString()!).ToList() : [t.GetString()!];
        var nullable = types.Remove("null");
        var type = types.Single();
        if (type == "string" && p.TryGetProperty("format", out var f) && f.GetString() == "date")
        {
            type = "date";
        }

        return (type, nullable);
    }

    private static InvalidDataException Bad(string file, string field, string what) =>
        new($"{Path.GetFileName(file)}: field '{field}' lacks '{what}'.");
}
