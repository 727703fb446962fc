using System.Text.Json;
using Hub.Adapters.Catalog;

namespace Hub.Capabilities.LifeEvents;

/// <summary>The loaded life-event rules, checked against the fact catalog and the forms of <c>schemas/forms</c>.</summary>
/// <param name="sets">Rule sets by event.</param>
/// <param name="facts">The facts the rules were checked against (default: the built-in facts and those of the default catalog's kinds).</param>
public sealed class LifeEventRules(IReadOnlyDictionary<LifeEventKind, LifeEventRuleSet> sets, LifeEventFacts? facts = null)
{
    /// <summary>Rule sets by event.</summary>
    public IReadOnlyDictionary<LifeEventKind, LifeEventRuleSet> Sets { get; } = sets;

    /// <summary>The facts rules may test, with their catalog sources.</summary>
    public LifeEventFacts Facts { get; } = facts ?? LifeEventFacts.For(FieldCatalog.LoadDefault());

    /// <summary>Loads <c>schemas/life-events</c> against the form ids of <c>schemas/forms</c> (defaults: found beside the executable or above it) and the facts of <paramref name="catalog"/>.</summary>
    public static LifeEventRules Load(string? rulesDirectory = null, string? formsDirectory = null, FieldCatalog? catalog = null)
    {
        var rules = rulesDirectory ?? SchemaDirectory.Find("life-events");
        var forms = formsDirectory ?? Path.Combine(Path.GetDirectoryName(rules.TrimEnd(Path.DirectorySeparatorChar))!, "forms");
        var facts = LifeEventFacts.For(catalog ?? FieldCatalog.LoadDefault());
        return new LifeEventRules(LifeEventRuleReader.LoadDirectory(rules, FormIds(forms), facts), facts);
    }

    /// <summary>The ids of the forms in <paramref name="directory"/> (the <c>id</c> of each file, else its name); empty when absent.</summary>
    public static IReadOnlySet<string> FormIds(string directory)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        if (!Directory.Exists(directory))
        {
            return ids;
        }

        foreach (var file in Directory.GetFiles(directory, "*.json").Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal)))
        {
            using var document = JsonDocument.Parse(File.ReadAllText(file));
            ids.Add(document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("id", out var id) && id.GetString() is { } s
                ? s
                : Path.GetFileNameWithoutExtension(file));
        }

        return ids;
    }
}
