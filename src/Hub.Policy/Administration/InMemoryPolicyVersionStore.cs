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
    public Task<PolicyVersion> AddAsync(PolicyVersion version, PolicyAuditAction action, string actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        lock (_gate)
        {
            var stored = version with { Number = _versions.Count + 1 };
            _versions.Add(stored);
            Audit(action, stored.Number, actor, reason, null);
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
            Audit(PolicyAuditAction.DraftUpdated, draft.Number, actor, reason, null);
            return Task.FromResult(_versions[index]);
        }
    }

    /// <inheritdoc />
    public Task<PolicyVersion> PublishAsync(int number, DateTimeOffset at, string actor, PolicyAuditAction action, string reason, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var index = _versions.FindIndex(v => v.Number == number);
            if (index < 0 || _versions[index].State != PolicyVersionState.Draft)
            {
                throw new InvalidOperationException($"version {number} is not a draft");
            }

            for (var i = 0; i < _versions.Count; i++)
            {
                if (_versions[i].State == PolicyVersionState.Published)
                {
                    _versions[i] = _versions[i] with { State = PolicyVersionState.Superseded };
                }
            }

            _versions[index] = _versions[index] with { State = PolicyVersionState.Published, PublishedAt = at, PublishedBy = actor };
            Audit(action, number, actor, reason, null);
            return Task.FromResult(_versions[index]);
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

    private void Audit(PolicyAuditAction action, int version, string actor, string reason, string? detail) =>
        _audit.Add(PolicyAuditChain.Seal(_audit.Count == 0 ? null : _audit[^1], timeProvider.GetUtcNow(), actor, action, version, reason, detail));
}
