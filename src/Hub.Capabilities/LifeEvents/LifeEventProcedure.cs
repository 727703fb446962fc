namespace Hub.Capabilities.LifeEvents;

/// <summary>A procedure that applies to the household, or may apply, as the counter sees it.</summary>
/// <param name="Id">Rule id.</param>
/// <param name="Name">手続き名.</param>
/// <param name="Department">担当課.</param>
/// <param name="Status">該当 / 済 / 要確認.</param>
/// <param name="Reason">Which fact in the data made it apply; for 要確認, a text that says only that the task cannot decide it.</param>
/// <param name="FormId">The form <c>prefill</c> can fill, or null.</param>
/// <param name="Done">True when the data shows it already done.</param>
/// <param name="DoneReason">Why it counts as done (null when not done).</param>
/// <param name="UndecidedBy">
/// The catalog paths the rule reads that the request's task may not read (why it is 要確認). A property of the rule
/// and the policy, never of the data: the same for every resident.
/// </param>
public sealed record LifeEventProcedure(
    string Id,
    string Name,
    string Department,
    LifeEventProcedureStatus Status,
    string Reason,
    string? FormId,
    bool Done,
    string? DoneReason,
    IReadOnlyList<string> UndecidedBy);
