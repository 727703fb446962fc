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

    /// <summary>Stores a new version (its number assigned here) and its audit record, together.</summary>
    Task<PolicyVersion> AddAsync(PolicyVersion version, PolicyAuditAction action, string actor, string reason, CancellationToken cancellationToken = default);

    /// <summary>Replaces a draft and records the edit, together; fails when the version is not a draft.</summary>
    Task<PolicyVersion> UpdateDraftAsync(PolicyVersion draft, string actor, string reason, CancellationToken cancellationToken = default);

    /// <summary>Makes a version the one in force (the previous one becomes superseded) and records it, together.</summary>
    Task<PolicyVersion> PublishAsync(int number, DateTimeOffset at, string actor, PolicyAuditAction action, string reason, CancellationToken cancellationToken = default);

    /// <summary>Appends an audit record that changes no version (e.g. a refused publication).</summary>
    Task AppendAuditAsync(PolicyAuditAction action, int version, string actor, string reason, string? detail, CancellationToken cancellationToken = default);

    /// <summary>The audit trail, oldest first.</summary>
    Task<IReadOnlyList<PolicyAuditRecord>> AuditTrailAsync(CancellationToken cancellationToken = default);
}
