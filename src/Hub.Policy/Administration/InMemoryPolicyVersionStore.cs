namespace Hub.Policy.Administration;

/// <summary>An <see cref="IPolicyVersionStore"/> in memory: thread-safe, one lock per operation standing in for a transaction.</summary>
public sealed class InMemoryPolicyVersionStore(TimeProvider timeProvider) : IPolicyVersionStore
{
    private readonly object _gate = new();
    private readonly List<PolicyVersion> _versions = [];
    private readonly List<PolicyAuditRecord> _audit = [];

    /// <inheritdoc />
    public Task<IReadOnlyList<PolicyVersion>> ListAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<PolicyVersion>>([.. _versions]);
        }
    }

    /// <inheritdoc />
    public Task<PolicyVersion?> GetAsync(int number, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_versions.FirstOrDefault(v => v.Number == number));
        }
    }

    /// <inheritdoc />
    public Task<PolicyVersion?> GetPublishedAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_versions.FirstOrDefault(v => v.State == PolicyVersionState.Published));
        }
    }

    /// <inheritdoc />
    public Task<int?> GetPublishedNumberAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_versions.FirstOrDefault(v => v.State == PolicyVersionState.Published)?.Number);
        }
    }

    /// <inheritdoc />
    public Task<PolicyVersion> AddAsync(PolicyVersion version, PolicyAuditAction action, string actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        lock (_gate)
        {
            var stored = version with { Number = _versions.Count + 1 };
            _versions.Add(stored);
            Audit(action, stored.Number, actor, reason, PolicyAuditChain.ContentDetail(stored));
            return Task.FromResult(stored);
        }
    }

    /// <inheritdoc />
    public Task<PolicyVersion> UpdateDraftAsync(PolicyVersion draft, string actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        lock (_gate)
        {
            var index = _versions.FindIndex(v => v.Number == draft.Number);
            if (index < 0 || _versions[index].State != PolicyVersionState.Draft)
            {
                throw new InvalidOperationException($"version {draft.Number} is not a draft");
            }

            _versions[index] = draft with { State = PolicyVersionState.Draft };
            Audit(PolicyAuditAction.DraftUpdated, draft.Number, actor, reason, PolicyAuditChain.ContentDetail(draft));
            return Task.FromResult(_versions[index]);
        }
    }

    /// <inheritdoc />
    public Task<PolicyVersion> PublishAsync(PolicyVersion draft, int? replacing, DateTimeOffset at, string actor, PolicyAuditAction action, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        lock (_gate)
        {
            var index = _versions.FindIndex(v => v.Number == draft.Number);
            if (index < 0 || _versions[index].State is not (PolicyVersionState.Draft or PolicyVersionState.Approved) || _versions[index].State != draft.State)
            {
                throw new InvalidOperationException($"version {draft.Number} is not a draft");
            }

            var inForce = _versions.FindIndex(v => v.State == PolicyVersionState.Published);
            var inForceNumber = inForce < 0 ? (int?)null : _versions[inForce].Number;
            if (inForceNumber != replacing)
            {
                throw new PolicyVersionConflictException(draft.Number, $"version {draft.Number} was to replace {Describe(replacing)}, but {Describe(inForceNumber)} is in force now");
            }

            if (_versions[index].ModelText != draft.ModelText || _versions[index].PolicyText != draft.PolicyText || _versions[index].OrdinancesText != draft.OrdinancesText)
            {
                throw new PolicyVersionConflictException(draft.Number, $"version {draft.Number} was edited after it was checked");
            }

            if (inForce >= 0)
            {
                _versions[inForce] = _versions[inForce] with { State = PolicyVersionState.Superseded };
            }

            _versions[index] = _versions[index] with { State = PolicyVersionState.Published, PublishedAt = at, PublishedBy = actor };
            Audit(action, draft.Number, actor, reason, null);
            return Task.FromResult(_versions[index]);
        }
    }

    /// <inheritdoc />
    public Task<PolicyVersion> TransitionAsync(PolicyVersion expected, PolicyVersionState to, PolicyAuditAction action, string actor, string reason, string? detail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        lock (_gate)
        {
            var index = _versions.FindIndex(v => v.Number == expected.Number);
            if (index < 0 || _versions[index].State != expected.State || _versions[index].ModelText != expected.ModelText || _versions[index].PolicyText != expected.PolicyText || _versions[index].OrdinancesText != expected.OrdinancesText)
            {
                throw new PolicyVersionConflictException(expected.Number, $"version {expected.Number} changed while it was being reviewed");
            }

            _versions[index] = _versions[index] with { State = to };
            Audit(action, expected.Number, actor, reason, detail);
            return Task.FromResult(_versions[index]);
        }
    }

    /// <inheritdoc />
    public Task<PolicyVersion?> SeedAsync(PolicyVersion version, DateTimeOffset at, string actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        lock (_gate)
        {
            if (_versions.Count > 0)
            {
                return Task.FromResult<PolicyVersion?>(null);
            }

            var stored = version with { Number = 1, State = PolicyVersionState.Published, PublishedAt = at, PublishedBy = actor };
            _versions.Add(stored);
            Audit(PolicyAuditAction.DraftCreated, 1, actor, reason, PolicyAuditChain.ContentDetail(stored));
            Audit(PolicyAuditAction.Published, 1, actor, reason, null);
            return Task.FromResult<PolicyVersion?>(stored);
        }
    }

    /// <inheritdoc />
    public Task AppendAuditAsync(PolicyAuditAction action, int version, string actor, string reason, string? detail, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            Audit(action, version, actor, reason, detail);
            return Task.CompletedTask;
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<PolicyAuditRecord>> AuditTrailAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyList<PolicyAuditRecord>>([.. _audit]);
        }
    }

    private static string Describe(int? number) => number is { } n ? $"version {n}" : "no version";

    private void Audit(PolicyAuditAction action, int version, string actor, string reason, string? detail) =>
        _audit.Add(PolicyAuditChain.Seal(_audit.Count == 0 ? null : _audit[^1], timeProvider.GetUtcNow(), actor, action, version, reason, detail));
}
