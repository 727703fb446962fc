namespace Hub.Policy.Administration;

/// <summary>Draft editing in the officers' terms: grant or revoke one cell of the 事務 × 項目 matrix.</summary>
public sealed partial class PolicyAdministration
{
    /// <summary>
    /// Allows <paramref name="cell"/> in draft <paramref name="number"/> with a legal basis (法的根拠) and a reason; both
    /// are required (<see cref="ArgumentException"/> naming <c>basis</c>, <see cref="PolicyReasonException"/>).
    /// </summary>
    public Task<PolicyVersion> GrantAsync(int number, string actor, string reason, PolicyCell cell, string basis, CancellationToken cancellationToken = default) =>
        EditCellAsync(number, actor, reason, cell, text => PolicyCellEdit.Grant(text, cell, basis), cancellationToken);

    /// <summary>Refuses <paramref name="cell"/> in draft <paramref name="number"/>; the basis explains the refusal (a deny line cites it).</summary>
    public Task<PolicyVersion> RevokeAsync(int number, string actor, string reason, PolicyCell cell, string basis, CancellationToken cancellationToken = default) =>
        EditCellAsync(number, actor, reason, cell, text => PolicyCellEdit.Revoke(text, cell, basis), cancellationToken);

    /// <summary>Gives a staff user a role in a task (or takes it away) in draft <paramref name="number"/>, with a reason.</summary>
    public async Task<PolicyVersion> AssignRoleAsync(int number, string actor, string reason, string user, string role, string task, bool assign, CancellationToken cancellationToken = default)
    {
        RequireReason(reason);
        var draft = await RequireAsync(number, cancellationToken).ConfigureAwait(false);
        if (draft.State != PolicyVersionState.Draft)
        {
            throw new InvalidOperationException($"version {number} is not a draft");
        }

        return await UpdateDraftAsync(number, actor, reason, PolicyCellEdit.AssignRole(draft.PolicyText, user, role, task, assign), cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    private async Task<PolicyVersion> EditCellAsync(int number, string actor, string reason, PolicyCell cell, Func<string, string> edit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(cell);
        RequireReason(reason);
        if (cell.Validate() is { Count: > 0 } problems)
        {
            throw new ArgumentException(string.Join("; ", problems), nameof(cell));
        }

        var draft = await RequireAsync(number, cancellationToken).ConfigureAwait(false);
        if (draft.State != PolicyVersionState.Draft)
        {
            throw new InvalidOperationException($"version {number} is not a draft");
        }

        return await UpdateDraftAsync(number, actor, reason, edit(draft.PolicyText), cancellationToken: cancellationToken).ConfigureAwait(false);
    }
}
