using Hub.Data;
using Hub.Data.Entities;
using Hub.Policy.Administration;
using Microsoft.EntityFrameworkCore;

namespace Hub.Capabilities.Policies;

/// <summary>
/// <see cref="IPolicyVersionStore"/> on the common database, shared by every hub node. Each change is one transaction
/// that first bumps the <see cref="PolicyHead"/> row: that row lock runs changes from several nodes one after another
/// (SQLite serialises writers anyway), so version numbers and audit sequences are assigned without gaps or races, and
/// a publication sees the version really in force. The keys (version number, audit sequence) and the unique index on
/// the published state stand behind the lock: a bug here fails a transaction, it cannot fork history.
/// </summary>
public sealed class DatabasePolicyVersionStore(IDbContextFactory<HubDbContext> contexts, TimeProvider timeProvider) : IPolicyVersionStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PolicyVersion>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.PolicyVersions.AsNoTracking().OrderBy(v => v.Number).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(PolicyRowMapper.ToVersion).ToList();
    }

    /// <inheritdoc />
    public async Task<PolicyVersion?> GetAsync(int number, CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.PolicyVersions.AsNoTracking().SingleOrDefaultAsync(v => v.Number == number, cancellationToken).ConfigureAwait(false);
        return row is null ? null : PolicyRowMapper.ToVersion(row);
    }

    /// <inheritdoc />
    public async Task<PolicyVersion?> GetPublishedAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.PolicyVersions.AsNoTracking().SingleOrDefaultAsync(v => v.State == nameof(PolicyVersionState.Published), cancellationToken).ConfigureAwait(false);
        return row is null ? null : PolicyRowMapper.ToVersion(row);
    }

    /// <inheritdoc />
    public async Task<int?> GetPublishedNumberAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.PolicyHeads.AsNoTracking().Where(h => h.Id == PolicyHead.SingletonId).Select(h => h.InForce).SingleAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public Task<PolicyVersion?> SeedAsync(PolicyVersion version, DateTimeOffset at, string actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        return WriteAsync<PolicyVersion?>(async db =>
        {
            if (await db.PolicyVersions.AnyAsync(cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            var stored = version with { Number = 1, State = PolicyVersionState.Published, PublishedAt = at, PublishedBy = actor };
            db.PolicyVersions.Add(PolicyRowMapper.ToRow(stored));
            var created = await AppendAsync(db, PolicyAuditAction.DraftCreated, 1, actor, reason, PolicyAuditChain.ContentDetail(stored), cancellationToken).ConfigureAwait(false);
            await AppendAsync(db, PolicyAuditAction.Published, 1, actor, reason, null, cancellationToken, created).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await SetInForceAsync(db, null, 1, cancellationToken).ConfigureAwait(false);
            return stored;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PolicyVersion> AddAsync(PolicyVersion version, PolicyAuditAction action, string actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (version.State != PolicyVersionState.Draft)
        {
            throw new ArgumentException("a new version is a draft; publish it afterwards", nameof(version));
        }

        return WriteAsync(async db =>
        {
            var last = await db.PolicyVersions.MaxAsync(v => (int?)v.Number, cancellationToken).ConfigureAwait(false);
            var stored = version with { Number = (last ?? 0) + 1 };
            db.PolicyVersions.Add(PolicyRowMapper.ToRow(stored));
            await AppendAsync(db, action, stored.Number, actor, reason, PolicyAuditChain.ContentDetail(stored), cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return stored;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PolicyVersion> UpdateDraftAsync(PolicyVersion draft, string actor, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return WriteAsync(async db =>
        {
            var row = await db.PolicyVersions.SingleOrDefaultAsync(v => v.Number == draft.Number, cancellationToken).ConfigureAwait(false);
            if (row is null || row.State != nameof(PolicyVersionState.Draft))
            {
                throw new InvalidOperationException($"version {draft.Number} is not a draft");
            }

            var stored = draft with { State = PolicyVersionState.Draft, PublishedAt = null, PublishedBy = null };
            PolicyRowMapper.CopyDraft(stored, row);
            await AppendAsync(db, PolicyAuditAction.DraftUpdated, draft.Number, actor, reason, PolicyAuditChain.ContentDetail(stored), cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return PolicyRowMapper.ToVersion(row);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PolicyVersion> PublishAsync(PolicyVersion draft, int? replacing, DateTimeOffset at, string actor, PolicyAuditAction action, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        return WriteAsync(async db =>
        {
            var row = await db.PolicyVersions.SingleOrDefaultAsync(v => v.Number == draft.Number, cancellationToken).ConfigureAwait(false);
            if (row is null || row.State is not (nameof(PolicyVersionState.Draft) or nameof(PolicyVersionState.Approved)) || row.State != draft.State.ToString())
            {
                throw new InvalidOperationException($"version {draft.Number} is not a draft");
            }

            var inForce = await db.PolicyHeads.Where(h => h.Id == PolicyHead.SingletonId).Select(h => h.InForce).SingleAsync(cancellationToken).ConfigureAwait(false);
            if (inForce != replacing)
            {
                throw new PolicyVersionConflictException(draft.Number, $"version {draft.Number} was to replace {Describe(replacing)}, but {Describe(inForce)} is in force now");
            }

            if (row.ContentHash != PolicyAuditChain.ContentDigest(draft.ModelText, draft.PolicyText, draft.OrdinancesText))
            {
                throw new PolicyVersionConflictException(draft.Number, $"version {draft.Number} was edited after it was checked");
            }

            // Supersede first and save, so the unique index on the published state never sees two rows at once.
            if (inForce is { } previous)
            {
                var old = await db.PolicyVersions.SingleAsync(v => v.Number == previous, cancellationToken).ConfigureAwait(false);
                old.State = nameof(PolicyVersionState.Superseded);
                await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }

            row.State = nameof(PolicyVersionState.Published);
            row.PublishedAt = at.UtcDateTime;
            row.PublishedBy = actor;
            await AppendAsync(db, action, draft.Number, actor, reason, null, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await SetInForceAsync(db, inForce, draft.Number, cancellationToken).ConfigureAwait(false);
            return PolicyRowMapper.ToVersion(row);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<PolicyVersion> TransitionAsync(PolicyVersion expected, PolicyVersionState to, PolicyAuditAction action, string actor, string reason, string? detail, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(expected);
        return WriteAsync(async db =>
        {
            var row = await db.PolicyVersions.SingleOrDefaultAsync(v => v.Number == expected.Number, cancellationToken).ConfigureAwait(false);
            if (row is null || row.State != expected.State.ToString() || row.ContentHash != PolicyAuditChain.ContentDigest(expected.ModelText, expected.PolicyText, expected.OrdinancesText))
            {
                throw new PolicyVersionConflictException(expected.Number, $"version {expected.Number} changed while it was being reviewed");
            }

            row.State = to.ToString();
            await AppendAsync(db, action, expected.Number, actor, reason, detail, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return PolicyRowMapper.ToVersion(row);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task AppendAuditAsync(PolicyAuditAction action, int version, string actor, string reason, string? detail, CancellationToken cancellationToken = default) =>
        WriteAsync(async db =>
        {
            await AppendAsync(db, action, version, actor, reason, detail, cancellationToken).ConfigureAwait(false);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <inheritdoc />
    public async Task<IReadOnlyList<PolicyAuditRecord>> AuditTrailAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.PolicyAuditRecords.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(PolicyRowMapper.ToRecord).ToList();
    }

    // One transaction that starts by taking the policy lock (bumping the head row's revision).
    private async Task<T> WriteAsync<T>(Func<HubDbContext, Task<T>> work, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var locked = await db.PolicyHeads.Where(h => h.Id == PolicyHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.Revision, h => h.Revision + 1), cancellationToken).ConfigureAwait(false);
        if (locked != 1)
        {
            throw new InvalidOperationException("the policy_head row is missing: the database is not migrated to PolicyVersions");
        }

        var result = await work(db).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return result;
    }

    // Appends the next link; `previous` is the record appended earlier in the same transaction, if any (not yet saved).
    private async Task<PolicyAuditRecord> AppendAsync(HubDbContext db, PolicyAuditAction action, int version, string actor, string reason, string? detail, CancellationToken cancellationToken, PolicyAuditRecord? previous = null)
    {
        if (previous is null)
        {
            var last = await db.PolicyAuditRecords.AsNoTracking().OrderByDescending(a => a.Sequence).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            previous = last is null ? null : PolicyRowMapper.ToRecord(last);
        }

        // Milliseconds: what the hash covers, and what every provider stores exactly.
        var now = timeProvider.GetUtcNow();
        var at = DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds());
        var record = PolicyAuditChain.Seal(previous, at, actor, action, version, reason, detail);
        db.PolicyAuditRecords.Add(PolicyRowMapper.ToRow(record));
        return record;
    }

    private static async Task SetInForceAsync(HubDbContext db, int? expected, int number, CancellationToken cancellationToken)
    {
        // Conditional on the version read under the lock: a second line of defence, never expected to fail.
        var updated = await db.PolicyHeads.Where(h => h.Id == PolicyHead.SingletonId && h.InForce == expected)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.InForce, number), cancellationToken).ConfigureAwait(false);
        if (updated != 1)
        {
            throw new PolicyVersionConflictException(number, $"version {number} was to replace {Describe(expected)}, but another publication changed the version in force");
        }
    }

    private static string Describe(int? number) => number is { } n ? $"version {n}" : "no version";
}
