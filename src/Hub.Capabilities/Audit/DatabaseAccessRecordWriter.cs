using Hub.Capabilities.Audit.Merkle;
using Hub.Capabilities.Requests;
using Hub.Data;
using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Capabilities.Audit;

/// <summary>
/// Appends access records to the common database by group commit. Each request's record joins a queue; one drain at a
/// time takes everything queued (up to <see cref="AccessRecordAppendSql.MaxRecords"/>) and appends it in one
/// transaction: move the chain's head row on by the group's size (locking it on every provider, so groups from every
/// node run one after another), seal the records in queue order from the head's hash, insert them in one multi-row
/// <c>INSERT</c>, append their leaves to the Merkle tree from the edge the head row keeps (the complete subtrees they
/// finish go into <c>access_record_tree</c> in the same command), set the head's hash, tree size and edge, commit. Only then is each request's append complete; if anything in the
/// transaction fails, nothing of the group is written and every request of the group fails. While a group commits, the
/// next one gathers, so the chain's lock is taken once per group rather than once per request. When the tree is behind the
/// chain (records written before it existed, or with <paramref name="tree"/> off) the group's records are left for
/// <see cref="AccessRecordTreeBackfill"/> to add, in order.
/// </summary>
/// <param name="contexts">The common database.</param>
/// <param name="timeProvider">The clock of the records' times.</param>
/// <param name="tree">Whether groups extend the Merkle tree (off: the hash chain alone, for the benchmark's baseline).</param>
public sealed class DatabaseAccessRecordWriter(IDbContextFactory<HubDbContext> contexts, TimeProvider timeProvider, bool tree = true) : IAccessRecordWriter
{
    private readonly Lock _gate = new();
    private readonly Queue<Pending> _queue = new();
    private AccessRecordAppendSql? _sql;
    private bool _draining;
    private int _groups;

    /// <summary>How many groups were committed or failed (for tests and diagnostics).</summary>
    public int GroupCount => Volatile.Read(ref _groups);

    /// <summary>How many records wait for a group (for tests and diagnostics).</summary>
    public int Queued
    {
        get
        {
            lock (_gate)
            {
                return _queue.Count;
            }
        }
    }

    public Task<AccessRecord> AppendAsync(HubRequestContext context, AccessEntry entry, string policyVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(entry);
        cancellationToken.ThrowIfCancellationRequested();

        // Milliseconds: what the hash covers, and what every provider stores exactly.
        var now = DateTimeOffset.FromUnixTimeMilliseconds(timeProvider.GetUtcNow().ToUnixTimeMilliseconds()).UtcDateTime;
        var pending = new Pending(new AccessRecord
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
        });

        bool drain;
        lock (_gate)
        {
            _queue.Enqueue(pending);
            drain = !_draining;
            _draining = true;
        }

        if (drain)
        {
            _ = Task.Run(DrainAsync, CancellationToken.None);
        }

        // A caller that gives up stops waiting; its record is still written with its group (a record without a
        // response is harmless, a response without a record is what must never happen).
        return pending.Completion.Task.WaitAsync(cancellationToken);
    }

    private async Task DrainAsync()
    {
        while (true)
        {
            List<Pending> group;
            lock (_gate)
            {
                if (_queue.Count == 0)
                {
                    _draining = false;
                    return;
                }

                group = new List<Pending>(Math.Min(_queue.Count, AccessRecordAppendSql.MaxRecords));
                while (group.Count < AccessRecordAppendSql.MaxRecords && _queue.TryDequeue(out var next))
                {
                    group.Add(next);
                }
            }

            try
            {
                await CommitAsync(group).ConfigureAwait(false);
                foreach (var pending in group)
                {
                    pending.Completion.TrySetResult(pending.Record);
                }
            }
#pragma warning disable CA1031 // every waiting request learns of the failure; the drain goes on with the next group
            catch (Exception failure)
#pragma warning restore CA1031
            {
                foreach (var pending in group)
                {
                    pending.Completion.TrySetException(failure);
                }
            }
            finally
            {
                Interlocked.Increment(ref _groups);
            }
        }
    }

    private async Task CommitAsync(List<Pending> group)
    {
        // Not a caller's token: the group belongs to every request in it.
        var ct = CancellationToken.None;
        await using var db = await contexts.CreateDbContextAsync(ct).ConfigureAwait(false);
        var sql = _sql ??= AccessRecordAppendSql.For(db);
        await using var transaction = await db.Database.BeginTransactionAsync(ct).ConfigureAwait(false);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();
        var head = await sql.LockHeadAsync(connection, dbTransaction, group.Count, ct).ConfigureAwait(false)
            ?? throw new InvalidOperationException("the access_record_head row is missing: the database is not migrated to AccessRecords");

        var sequence = head.LastSequence - group.Count;
        var extendTree = tree && head.TreeSize == sequence;
        var edge = extendTree ? MerkleFrontier.FromBytes(head.TreeSize, head.TreeEdge) : null;
        var nodes = new List<(MerkleNodeId, byte[])>(extendTree ? (2 * group.Count) + 64 : 0);
        var previous = head.LastHash;
        var records = new List<AccessRecord>(group.Count);
        foreach (var pending in group)
        {
            var record = pending.Record;
            record.Sequence = ++sequence;
            record.PreviousHash = previous;
            record.Hash = AccessRecordChain.ComputeHash(record);
            previous = record.Hash;
            records.Add(record);
            edge?.Append(AccessRecordLeaf.Hash(record.Hash), (node, hash) => nodes.Add((node, hash)));
        }

        await sql.InsertAsync(connection, dbTransaction, records, nodes, edge, ct).ConfigureAwait(false);
        await transaction.CommitAsync(ct).ConfigureAwait(false);
    }

    private sealed class Pending(AccessRecord record)
    {
        public AccessRecord Record { get; } = record;

        // Completed on the drain; continuations run elsewhere, so one slow request cannot hold up the next group.
        public TaskCompletionSource<AccessRecord> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
