using Hub.Capabilities.Audit.Merkle;
using Hub.Data;
using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Capabilities.Audit;

/// <summary>
/// Brings the Merkle tree up to the chain: records written before the tree existed (a database migrated from an earlier
/// version) or while it was switched off are added as leaves, in order, <see cref="BatchSize"/> per transaction, each
/// under the chain head's lock like an append. The checkpoint service runs it before every checkpoint.
/// </summary>
public sealed class AccessRecordTreeBackfill(IDbContextFactory<HubDbContext> contexts)
{
    /// <summary>Records per transaction: 2·1,000 + 63 node hashes stay under SQL Server's 2,100 parameters.</summary>
    public const int BatchSize = 1_000;

    private AccessRecordAppendSql? _sql;

    /// <summary>Adds every record the tree lacks; the number added.</summary>
    /// <exception cref="InvalidOperationException">A record the tree needs next is missing (the chain has a gap).</exception>
    public async Task<long> CatchUpAsync(CancellationToken cancellationToken)
    {
        // A plain read first: when the tree is up to the chain (every round while the writer extends it), no write
        // transaction is opened. Taking the head's lock for nothing made each checkpoint round contend with the group
        // commit for the write lock (on SQLite a busy writer waits in its driver's retry sleep).
        await using (var probe = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var head = await probe.AccessRecordHeads.AsNoTracking()
                .Where(h => h.Id == AccessRecordHead.SingletonId)
                .Select(h => new { h.TreeSize, h.LastSequence })
                .SingleOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (head is not null && head.TreeSize >= head.LastSequence)
            {
                return 0;
            }
        }

        long added = 0;
        while (true)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            var sql = _sql ??= AccessRecordAppendSql.For(db);
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var connection = db.Database.GetDbConnection();
            var head = await sql.LockHeadAsync(connection, transaction.GetDbTransaction(), 0, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("the access_record_head row is missing: the database is not migrated to AccessRecords");
            if (head.TreeSize >= head.LastSequence)
            {
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return added;
            }

            var from = head.TreeSize;
            var to = Math.Min(head.LastSequence, from + BatchSize);
            var hashes = await db.AccessRecords.AsNoTracking()
                .Where(r => r.Sequence > from && r.Sequence <= to)
                .OrderBy(r => r.Sequence)
                .Select(r => new { r.Sequence, r.Hash })
                .ToListAsync(cancellationToken).ConfigureAwait(false);
            var edge = MerkleFrontier.FromBytes(head.TreeSize, head.TreeEdge);
            var nodes = new List<(MerkleNodeId, byte[])>((2 * hashes.Count) + 64);
            foreach (var record in hashes)
            {
                if (record.Sequence != edge.Size + 1)
                {
                    throw new InvalidOperationException($"access record {edge.Size + 1} is missing: the Merkle tree cannot pass a gap in the chain (run hub audit verify)");
                }

                edge.Append(AccessRecordLeaf.Hash(record.Hash), (node, hash) => nodes.Add((node, hash)));
            }

            if (edge.Size != to)
            {
                throw new InvalidOperationException($"access record {edge.Size + 1} is missing: the Merkle tree cannot pass a gap in the chain (run hub audit verify)");
            }

            await sql.ExtendTreeAsync(connection, transaction.GetDbTransaction(), nodes, edge, cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            added += hashes.Count;
        }
    }
}
