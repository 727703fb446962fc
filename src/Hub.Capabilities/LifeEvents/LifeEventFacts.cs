using Hub.Adapters.Catalog;
using Hub.Capabilities.Records;

namespace Hub.Capabilities.LifeEvents;

/// <summary>
/// Every fact a life-event rule may test: the built-in ones of <see cref="LifeEventFact"/> and, for each kind of the catalog
/// declared as data, generic facts over the subject's records of that kind on the event date:
/// <list type="bullet">
/// <item><c>subject.record.&lt;kind&gt;.active</c>: the subject has a record of the kind valid on the event date (its dating);</item>
/// <item><c>subject.record.&lt;kind&gt;.&lt;field&gt;</c>, for each <c>x-hub-indexed</c> field: the field's value in that record (the one
/// whose validity started last when several are valid), no value when none is.</item>
/// </list>
/// Each generic fact's sources are the paths that choose the record (subject and dating, <see cref="RecordSelection.OfKind"/>)
/// and, for a field fact, the field: a rule may use it only in a task that may read them, and a guide's access record names them.
/// </summary>
public sealed class LifeEventFacts
{
    /// <summary>Prefix of the generic facts.</summary>
    public const string RecordPrefix = "subject.record.";

    private LifeEventFacts(IReadOnlyDictionary<string, (LifeEventFactKind Kind, string Description)> catalog, IReadOnlyDictionary<string, IReadOnlyList<string>> sources, IReadOnlyDictionary<string, (string Kind, string? Field)> generic)
    {
        Catalog = catalog;
        Sources = sources;
        Generic = generic;
    }

    /// <summary>Every fact name with its kind and a Japanese description for staff.</summary>
    public IReadOnlyDictionary<string, (LifeEventFactKind Kind, string Description)> Catalog { get; }

    /// <summary>The catalog paths each fact is computed from.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Sources { get; }

    /// <summary>The generic facts: the kind they are about and the field (null for <c>.active</c>).</summary>
    public IReadOnlyDictionary<string, (string Kind, string? Field)> Generic { get; }

    /// <summary>The built-in facts and the generic facts of every kind of <paramref name="catalog"/> declared as data.</summary>
    public static LifeEventFacts For(FieldCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var facts = new Dictionary<string, (LifeEventFactKind, string)>(LifeEventFact.Catalog, StringComparer.Ordinal);
        var sources = new Dictionary<string, IReadOnlyList<string>>(LifeEventFact.Sources, StringComparer.Ordinal);
        var generic = new Dictionary<string, (string, string?)>(StringComparer.Ordinal);
        foreach (var kind in catalog.GenericKinds)
        {
            var chosenBy = RecordSelection.OfKind(kind);
            var active = $"{RecordPrefix}{kind.Name}.active";
            facts[active] = (LifeEventFactKind.Boolean, $"本人に事象の日に有効な{kind.Label}がある");
            sources[active] = chosenBy;
            generic[active] = (kind.Name, null);
            foreach (var name in kind.Indexed)
            {
                var field = kind.Field(name)!;
                var fact = $"{RecordPrefix}{kind.Name}.{name}";
                facts[fact] = (field.Type switch { "integer" => LifeEventFactKind.Number, "boolean" => LifeEventFactKind.Boolean, _ => LifeEventFactKind.Text }, $"本人の有効な{kind.Label}の{field.Label}");
                sources[fact] = [.. chosenBy.Append(field.Path).Distinct(StringComparer.Ordinal)];
                generic[fact] = (kind.Name, name);
            }
        }

        return new LifeEventFacts(facts, sources, generic);
    }

    /// <summary>The built-in facts only (no catalog).</summary>
    public static LifeEventFacts BuiltIn { get; } = new(LifeEventFact.Catalog, LifeEventFact.Sources, new Dictionary<string, (string, string?)>());
}
