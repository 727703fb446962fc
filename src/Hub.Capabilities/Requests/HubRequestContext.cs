namespace Hub.Capabilities.Requests;

/// <summary>
/// Who asks, for which task (事務), for what purpose and in which case: carried by every GraphQL request and
/// available to every resolver. Built before execution; a request without task or purpose never executes.
/// </summary>
/// <param name="Task">事務コード, from <c>X-Hub-Task</c> or <c>extensions.hub.task</c>.</param>
/// <param name="Purpose">利用目的, from <c>X-Hub-Purpose</c> or <c>extensions.hub.purpose</c>.</param>
/// <param name="Case">案件 (case or issue id), from <c>X-Hub-Case</c> or <c>extensions.hub.case</c>; optional.</param>
/// <param name="UserId">The token's <c>sub</c>.</param>
/// <param name="Roles">The token's <c>roles</c>.</param>
/// <param name="ResidentAtenaNumber">宛名番号 of a resident principal (claim <c>atena</c>); null for staff.</param>
/// <param name="ClientId">Terminal or client id, from <c>X-Hub-Client</c> or the token's <c>azp</c>; optional.</param>
public sealed record HubRequestContext(
    string Task,
    string Purpose,
    string? Case,
    string UserId,
    IReadOnlyList<string> Roles,
    string? ResidentAtenaNumber,
    string? ClientId)
{
    /// <summary>How a resident principal signed in (token claim <c>acr</c>); <see cref="Agency.AssuranceLevel.None"/> for staff.</summary>
    public Agency.AssuranceLevel Assurance { get; init; }

    /// <summary>True for a resident principal (portal apps), false for staff.</summary>
    public bool IsResident => ResidentAtenaNumber is not null;
}
