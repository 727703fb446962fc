namespace Hub.Capabilities.Intake;

/// <summary>What one life event's application opens: a leg per procedure of <see cref="Legs"/>, none for <see cref="GuidanceOnly"/>.</summary>
/// <param name="Legs">Leg rules by procedure id.</param>
/// <param name="GuidanceOnly">Procedures the guide lists that open no leg.</param>
public sealed record IntakeEventRules(IReadOnlyDictionary<string, IntakeLegRule> Legs, IReadOnlySet<string> GuidanceOnly);
