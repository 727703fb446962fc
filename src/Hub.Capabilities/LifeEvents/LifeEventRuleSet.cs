namespace Hub.Capabilities.LifeEvents;

/// <summary>The procedures of one life event (one file of <c>schemas/life-events</c>).</summary>
public sealed record LifeEventRuleSet(LifeEventKind Event, string Title, IReadOnlyList<LifeEventProcedureRule> Procedures);
