using Hub.Capabilities.Audit.Checkpoints;
using Hub.Capabilities.Audit.Merkle;
using Hub.Data;
using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hub.Capabilities.Audit.Proofs;

/// <summary>
/// Inclusion proofs of access records against the latest signed checkpoint kept in the database (or a given one): one
/// read of the checkpoint, one read of O(log n) tree nodes. Each proof is verified before it is handed out, so a
/// damaged tree shows here rather than in a resident's hands.
/// </summary>
public sealed class AccessRecordProofs(IDbContextFactory<HubDbContext> contexts)
{
    private readonly MerkleTreeReader _tree = new(new DatabaseMerkleNodeStore(contexts));
    private CheckpointNote? _latest;

    /// <summary>The latest checkpoint kept in the database, or null when none is.</summary>
    public async Task<CheckpointNote?> LatestCheckpointAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var latest = await db.AccessRecordCheckpoints.AsNoTracking().OrderByDescending(c => c.TreeSize)
            .Select(c => new { c.TreeSize, c.Note }).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        if (latest is null)
        {
            return null;
        }

        var cached = _latest;
        if (cached is null || cached.TreeSize != latest.TreeSize)
        {
            cached = CheckpointNote.Parse(latest.Note);
            _latest = cached;
        }

        return cached;
    }

    /// <summary>
    /// The proof of <paramref name="record"/> against <paramref name="checkpoint"/> (default: the latest kept); null when
    /// no checkpoint covers the record yet.
    /// </summary>
    /// <exception cref="InvalidOperationException">The stored tree does not prove the record against the checkpoint (run <c>hub audit verify</c>).</exception>
    public async Task<AccessRecordProof?> ProveAsync(AccessRecord record, CheckpointNote? checkpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        checkpoint ??= await LatestCheckpointAsync(cancellationToken).ConfigureAwait(false);
        if (checkpoint is null || checkpoint.TreeSize < record.Sequence)
        {
            return null;
        }

        var index = record.Sequence - 1;
        var path = await _tree.InclusionProofAsync(index, checkpoint.TreeSize, cancellationToken).ConfigureAwait(false);
        var leaf = AccessRecordLeaf.Hash(record.Hash);
        if (!MerkleVerifier.VerifyInclusion(index, checkpoint.TreeSize, leaf, path, checkpoint.RootHash))
        {
            throw new InvalidOperationException($"the stored Merkle tree does not prove record {record.Sequence} against the checkpoint of {checkpoint.TreeSize} records: run hub audit verify");
        }

        return new AccessRecordProof(index, checkpoint.TreeSize, leaf, path, checkpoint.RootHash, checkpoint);
    }
}
