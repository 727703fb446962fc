using Hub.Api.RequestContext;
using Hub.Data;
using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Audit;

/// <summary>
/// Appends access records to the common database. Each append is one transaction that first bumps the chain's head
/// row (locking it on every provider, so appends from every node run one after another), reads the last hash from it,
/// inserts the sealed record and moves the head. Appends on this node also queue on a semaphore, so they do not pile
/// up on the database lock.
/// </summary>
internal sealed class DatabaseAccessRecordWriter(IDbContextFactory<HubDbContext> contexts, TimeProvider timeProvider) : IAccessRecordWriter, IDisposable
{
    private readonly SemaphoreSlim _local = new(1, 1);

    public async Task<AccessRecord> AppendAsync(HubRequestContext context, AccessEntry entry, string policyVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(entry);

        // Milliseconds: what the hash covers, and what every provider stores exactly.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(timeProvider.GetUtcNow().ToUnixTimeMilliseconds()).UtcDateTime;
        var record = new AccessRecord
        {
            RecordedAt = now,
            UserId = context.UserId,
            ClientId = context.ClientId,
            Task = context.Task,
            Purpose = context.Purpose,
            Case = context.Case,
            Operation = string.Join(' ', entry.Operations),
            SubjectAtenaNumbers = AccessRecordFormat.JoinSubjects(entry.Subjects),
            FieldPaths = string.Join(' ', entry.Paths),
            MyNumberUsed = entry.MyNumberUsed,
            PolicyVersion = policyVersion,
        };

        await _local.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var locked = await db.AccessRecordHeads.Where(h => h.Id == AccessRecordHead.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence + 1), cancellationToken).ConfigureAwait(false);
            if (locked != 1)
            {
                throw new InvalidOperationException("the access_record_head row is missing: the database is not migrated to AccessRecords");
            }

            var head = await db.AccessRecordHeads.AsNoTracking().SingleAsync(h => h.Id == AccessRecordHead.SingletonId, cancellationToken).ConfigureAwait(false);
            record.Sequence = head.LastSequence;
            record.PreviousHash = head.LastHash;
            record.Hash = AccessRecordChain.ComputeHash(record);
            db.AccessRecords.Add(record);
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await db.AccessRecordHeads.Where(h => h.Id == AccessRecordHead.SingletonId)
                .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastHash, record.Hash), cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return record;
        }
        finally
        {
            _local.Release();
        }
    }

    public void Dispose() => _local.Dispose();
}
