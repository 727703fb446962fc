namespace Hub.Capabilities.LifeEvents;

/// <summary>Every procedure a life event brings this household (漏れない), in the order the rules list them.</summary>
/// <param name="Event">The event.</param>
/// <param name="AtenaNumber">宛名番号 of the subject.</param>
/// <param name="On">The event date the facts were taken on.</param>
/// <param name="HouseholdNumber">世帯番号 of the subject.</param>
/// <param name="Procedures">Procedures that apply, or may apply (要確認).</param>
/// <param name="Facts">The facts the rules saw, only those the request's task may read.</param>
/// <param name="Paths">The catalog paths whose values shaped the guide (the facts' sources), for the access record.</param>
/// <param name="Subjects">宛名番号 of the residents whose data the facts came from (the subject and the household's members).</param>
public sealed record LifeEventGuide(
    LifeEventKind Event,
    string AtenaNumber,
    DateOnly On,
    string? HouseholdNumber,
    IReadOnlyList<LifeEventProcedure> Procedures,
    IReadOnlyDictionary<string, object?> Facts,
    IReadOnlyList<string> Paths,
    IReadOnlyList<string> Subjects);
