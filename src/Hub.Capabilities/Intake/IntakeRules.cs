using Hub.Adapters.Catalog;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.Prefill;

namespace Hub.Capabilities.Intake;

/// <summary>The intake rules (申請受付ルール) by event, checked against the life-event rules and the forms when loaded.</summary>
/// <param name="events">Rules of the events that take applications.</param>
public sealed class IntakeRules(IReadOnlyDictionary<LifeEventKind, IntakeEventRules> events)
{
    /// <summary>The file, relative to <c>schemas/life-events</c>.</summary>
    public const string RelativePath = "intake/intake.json";

    /// <summary>Rules of the events that take applications.</summary>
    public IReadOnlyDictionary<LifeEventKind, IntakeEventRules> Events { get; } = events;

    /// <summary>Every leg rule, of every event.</summary>
    public IEnumerable<IntakeLegRule> AllLegs => Events.Values.SelectMany(e => e.Legs.Values);

    /// <summary>The tasks a department (担当課) owns legs in.</summary>
    public IReadOnlySet<string> TasksOf(string department) =>
        AllLegs.Where(l => l.Department == department).Select(l => l.Task).ToHashSet(StringComparer.Ordinal);

    /// <summary>Loads <c>schemas/life-events/intake/intake.json</c> (default: found beside the executable or above) against the life-event rules and forms.</summary>
    public static IntakeRules Load(LifeEventRules lifeEvents, FormCatalog forms, string? file = null)
    {
        ArgumentNullException.ThrowIfNull(lifeEvents);
        ArgumentNullException.ThrowIfNull(forms);
        var path = file ?? Path.Combine(SchemaDirectory.Find("life-events"), RelativePath);
        return IntakeRuleReader.Parse(File.ReadAllText(path), Path.GetFileName(path), lifeEvents, forms);
    }
}
