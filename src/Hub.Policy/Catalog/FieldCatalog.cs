using System.Text.Json;

namespace Hub.Policy.Catalog;

/// <summary>
/// The field paths of the hub's catalog (項目カタログ), e.g. <c>resident.name</c>, read from the <c>x-hub-path</c>
/// of every property in <c>schemas/records/*.schema.json</c>. The policy layer needs only the paths, so it reads the
/// schema files itself rather than depending on the data layer.
/// </summary>
public sealed class FieldCatalog
{
    /// <summary>The classification of 個人番号 fields: information that makes personal information 特定個人情報.</summary>
    public const string MyNumberClassification = "個人番号";

    private readonly Dictionary<string, string?> _classifications;

    /// <summary>Creates a catalog of the given paths, without classifications.</summary>
    public FieldCatalog(IEnumerable<string> paths)
        : this(paths.Select(p => (p, (string?)null)))
    {
    }

    /// <summary>Creates a catalog of the given paths with their classifications (基本4情報, 個人番号, 税 …).</summary>
    public FieldCatalog(IEnumerable<(string Path, string? Classification)> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        _classifications = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (path, classification) in fields)
        {
            _classifications[path] = classification;
        }

        Paths = _classifications.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every known field path, sorted.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>The classification of <paramref name="path"/> (<c>x-hub-classification</c>), or null.</summary>
    public string? Classification(string path) => _classifications.GetValueOrDefault(path);

    /// <summary>Reads every <c>*.schema.json</c> in <paramref name="folder"/>; an absent folder gives an empty catalog.</summary>
    public static FieldCatalog Load(string folder)
    {
        var paths = new List<(string, string?)>();
        if (Directory.Exists(folder))
        {
            foreach (var file in Directory.GetFiles(folder, "*.schema.json").Order(StringComparer.Ordinal))
            {
                using var document = JsonDocument.Parse(File.ReadAllText(file));
                Collect(document.RootElement, paths);
            }
        }

        return new FieldCatalog(paths);
    }

    /// <summary>Whether <paramref name="path"/> is a catalog field.</summary>
    public bool Contains(string path) => _classifications.ContainsKey(path);

    private static void Collect(JsonElement element, List<(string, string?)> paths)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("x-hub-path", out var path) && path.ValueKind == JsonValueKind.String)
            {
                var classification = element.TryGetProperty("x-hub-classification", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
                paths.Add((path.GetString()!, classification));
            }

            foreach (var property in element.EnumerateObject())
            {
                Collect(property.Value, paths);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in element.EnumerateArray())
            {
                Collect(item, paths);
            }
        }
    }
}
