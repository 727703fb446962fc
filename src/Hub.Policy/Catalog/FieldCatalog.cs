using System.Text.Json;

namespace Hub.Policy.Catalog;

/// <summary>
/// The field paths of the hub's catalog (項目カタログ), e.g. <c>resident.name</c>, read from the <c>x-hub-path</c>
/// of every property in <c>schemas/records/*.schema.json</c>. The policy layer needs only the paths, so it reads the
/// schema files itself rather than depending on the data layer.
/// </summary>
public sealed class FieldCatalog
{
    /// <summary>Creates a catalog of the given paths.</summary>
    public FieldCatalog(IEnumerable<string> paths)
    {
        Paths = paths.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every known field path, sorted.</summary>
    public IReadOnlyList<string> Paths { get; }

    /// <summary>Reads every <c>*.schema.json</c> in <paramref name="folder"/>; an absent folder gives an empty catalog.</summary>
    public static FieldCatalog Load(string folder)
    {
        var paths = new List<string>();
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
    public bool Contains(string path) => Paths.Contains(path, StringComparer.Ordinal);

    private static void Collect(JsonElement element, List<string> paths)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (property.Name == "x-hub-path" && property.Value.ValueKind == JsonValueKind.String)
                {
                    paths.Add(property.Value.GetString()!);
                }
                else
                {
                    Collect(property.Value, paths);
                }
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
