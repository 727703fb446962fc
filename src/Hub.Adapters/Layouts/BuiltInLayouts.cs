
namespace Hub.Adapters.Layouts;

/// <summary>The layouts shipped with the hub (<c>schemas/adapters/*.layout.json</c>, embedded).</summary>
public static class BuiltInLayouts
{
    /// <summary>住民記録, the demo's UTF-8 CSV.</summary>
    public const string ResidentRegistry = "resident-registry";

    /// <summary>住民記録, the legacy fixed-width CP932 export.</summary>
    public const string ResidentRegistryLegacy = "resident-registry-legacy";

    /// <summary>個人住民税, one CSV per fiscal year.</summary>
    public const string ResidentTax = "resident-tax";

    /// <summary>児童手当, the demo's plain CSV.</summary>
    public const string ChildAllowance = "child-allowance";

    /// <summary>The JSON text of a built-in layout (<c>name.layout.json</c>), or of <c>layout.schema.json</c> for "layout.schema".</summary>
    public static string Text(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var resource = name == "layout.schema" ? "layouts/layout.schema.json" : $"layouts/{name}.layout.json";
        using var stream = typeof(BuiltInLayouts).Assembly.GetManifestResourceStream(resource)
            ?? throw new ArgumentException($"No built-in layout '{name}'.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>A built-in layout, parsed and checked.</summary>
    public static LayoutDefinition Get(string name) => LayoutLoader.Parse(Text(name), name + ".layout.json");

    /// <summary>The names of every built-in layout.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. typeof(BuiltInLayouts).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("layouts/", StringComparison.Ordinal) && n.EndsWith(".layout.json", StringComparison.Ordinal))
            .Select(n => n["layouts/".Length..^".layout.json".Length])
            .Order(StringComparer.Ordinal)];

}
