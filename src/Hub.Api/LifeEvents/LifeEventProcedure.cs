namespace Hub.Api.LifeEvents;

/// <summary>A procedure that applies to the household, as the counter sees it.</summary>
/// <param name="Id">Rule id.</param>
/// <param name="Name">手続き名.</param>
/// <param name="Department">担当課.</param>
/// <param name="Reason">Which fact in the data made it apply.</param>
/// <param name="FormId">The form <c>prefill</c> can fill, or null.</param>
/// <param name="Done">True when the data shows it already done.</param>
/// <param name="DoneReason">Why it counts as done (null when not done).</param>
public sealed record LifeEventProcedure(string Id, string Name, string Department, string Reason, string? FormId, bool Done, string? DoneReason);
