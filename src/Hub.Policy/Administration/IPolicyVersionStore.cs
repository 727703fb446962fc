namespace Hub.Policy.Administration;

/// <summary>
/// Where policy versions and their audit trail live. The in-memory store serves tests and single-node runs; the common
/// database implements the same interface (each method one transaction) so that every hub node sees the same versions.
/// </summary>
public interface IPolicyVersionStore
{
    /// <summary>Every version, by number.</summary>
    Task<IReadOnlyList<PolicyVersion>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>One version, or null.</summary>
    Task<PolicyVersion?> GetAsync(int number, CancellationToken cancellationToken = default);

    /// <summary>The version in force, or null before the first publication.</summary>
    Task<PolicyVersion?> GetPublishedAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// The number of the version in force, or null before the first publication. Watchers poll this every few seconds
    /// on every node, so a store should answer it without reading the policy text.
    /// </summary>
    async Task<int?> GetPublishedNumberAsync(CancellationToken cancellationToken = default) =>
        (await GetPublishedAsync(cancellationToken).ConfigureAwait(false))?.Number;

    /// <summary>
    /// Stores <paramref name="version"/> as version 1, published, with its audit records, together — only when the store
    /// holds no version at all. Returns the stored version, or null when versions exist (so several nodes starting at
    /// once seed exactly one).
    /// </summary>
    Task<PolicyVersion?> SeedAsync(PolicyVersion version, DateTimeOffset at, string actor, string reason, CancellationToken cancellationToken = default);

    /// <summary>Stores a new version (its number assigned here) and its audit record, together.</summary>
    Task<PolicyVersion> AddAsync(PolicyVersion version, PolicyAuditAction action, string actor, string reason, CancellationToken cancellationToken = default);

    /// <summary>Replaces a draft and records the edit, together; fails when the version is not a draft.</summary>
    Task<PolicyVersion> UpdateDraftAsync(PolicyVersion draft, string actor, string reason, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes <paramref name="draft"/> the version in force (the previous one becomes superseded) and records it, together.
    /// Throws <see cref="PolicyVersionConflictException"/> and changes nothing when the version in force is not
    /// <paramref name="replacing"/> (null: none) or the stored draft's text differs from <paramref name="draft"/>'s (it
    /// changed after it was checked); <see cref="InvalidOperationException"/> when the stored version is neither a draft
    /// nor approved, or not in <paramref name="draft"/>'s state.
    /// </summary>
    Task<PolicyVersion> PublishAsync(PolicyVersion draft, int? replacing, DateTimeOffset at, string actor, PolicyAuditAction action, string reason, CancellationToken cancellationToken = default);

    /// <summary>Appends an audit record that changes no version (e.g. a refused publication).</summary>
    Task AppendAuditAsync(PolicyAuditAction action, int version, string actor, string reason, string? detail, CancellationToken cancellationToken = default);

    /// <summary>The audit trail, oldest first.</summary>
    Task<IReadOnlyList<PolicyAuditRecord>> AuditTrailAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a version from <paramref name="expected"/>'s state to <paramref name="to"/> and records
    /// <paramref name="action"/>, together (a review step: submit, approve, return). Throws
    /// <see cref="PolicyVersionConflictException"/> and changes nothing when the stored version is no longer in
    /// <paramref name="expected"/>'s state or its text differs (another officer acted first).
    /// </summary>
    Task<PolicyVersion> TransitionAsync(PolicyVersion expected, PolicyVersionState to, PolicyAuditAction action, string actor, string reason, string? detail, CancellationToken cancellationToken = default);
}
