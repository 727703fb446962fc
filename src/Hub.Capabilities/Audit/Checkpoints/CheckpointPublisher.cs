using Hub.Capabilities.Audit.Merkle;
using Hub.Data;
using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>
/// One checkpoint round: bring the tree up to the chain, read its size and root from the chain head, sign a
/// checkpoint, offer it to the witness with a consistency proof from what the witness holds, keep a copy in the
/// database, and tell <see cref="AuditAnchor"/> how far the log is anchored. Before signing it checks the tree against
/// the latest copy kept in the database, so the hub never signs a checkpoint inconsistent with one it signed before.
/// </summary>
public sealed class CheckpointPublisher(
    IDbContextFactory<HubDbContext> contexts,
    AccessRecordTreeBackfill backfill,
    CheckpointSigner signer,
    ICheckpointWitness witness,
    AuditAnchor anchor,
    TimeProvider time)
{
    private readonly MerkleTreeReader _tree = new(new DatabaseMerkleNodeStore(contexts));
    private (long Size, byte[] Root)? _anchored;

    /// <summary>The witness checkpoints go to.</summary>
    public ICheckpointWitness Witness => witness;

    /// <summary>The signer (and its verifier key).</summary>
    public CheckpointSigner Signer => signer;

    /// <summary>Runs one round; failures are in the result and in <see cref="AuditAnchor"/>, not thrown (except cancellation).</summary>
    public async Task<CheckpointPublication> PublishAsync(CancellationToken cancellationToken)
    {
        CheckpointNote? signed = null;
        WitnessOutcome? outcome = null;
        try
        {
            await backfill.CatchUpAsync(cancellationToken).ConfigureAwait(false);
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var (size, root) = await TreeHeadAsync(cancellationToken).ConfigureAwait(false);
                // Nothing new: the witness already holds this very tree (same size and root, not merely the same size).
                if (size == 0 || (_anchored is { } last && last.Size == size && last.Root.AsSpan().SequenceEqual(root) && anchor.Problem is null))
                {
                    await ObserveAsync(null, cancellationToken).ConfigureAwait(false);
                    return new CheckpointPublication(null, null);
                }

                if (await InconsistentWithOwnCopyAsync(size, root, cancellationToken).ConfigureAwait(false) is { } refusal)
                {
                    outcome = new WitnessOutcome(WitnessVerdict.Inconsistent, refusal);
                    break;
                }

                signed = signer.Sign(size, root, time.GetUtcNow());
                outcome = await witness.SubmitAsync(new CheckpointSubmission(signed, (old, ct) => _tree.ConsistencyProofAsync(old, size, ct)), cancellationToken).ConfigureAwait(false);

                // Another node may have anchored a larger tree of the same log since the head was read: read it again once.
                if (outcome.Verdict != WitnessVerdict.Inconsistent || (await TreeHeadAsync(cancellationToken).ConfigureAwait(false)).Size == size)
                {
                    break;
                }
            }

            if (outcome!.Verdict == WitnessVerdict.Accepted)
            {
                await KeepCopyAsync(signed!, cancellationToken).ConfigureAwait(false);
            }

            if (outcome.Anchored)
            {
                _anchored = (signed!.TreeSize, signed.RootHash);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            outcome = new WitnessOutcome(WitnessVerdict.Failed, $"checkpoint round failed: {e.GetBaseException().Message}");
        }

        try
        {
            await ObserveAsync(outcome, cancellationToken, signed).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The database is out of reach: what the witness said still counts; the lag goes on from the appends noted.
            anchor.Observed(outcome is { Anchored: true } && signed is not null ? signed.TreeSize : anchor.AnchoredSize, null,
                outcome is { Anchored: true } ? $"reading the oldest unanchored record failed: {e.GetBaseException().Message}" : outcome?.Message,
                outcome?.Verdict == WitnessVerdict.Inconsistent);
        }

        return new CheckpointPublication(signed, outcome);
    }

    /// <summary>The latest checkpoint kept in the database, if any.</summary>
    public async Task<AccessRecordCheckpoint?> LatestCopyAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.AccessRecordCheckpoints.AsNoTracking().OrderByDescending(c => c.TreeSize).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<(long Size, byte[] Root)> TreeHeadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var head = await db.AccessRecordHeads.AsNoTracking().SingleAsync(h => h.Id == AccessRecordHead.SingletonId, cancellationToken).ConfigureAwait(false);
        return (head.TreeSize, MerkleFrontier.FromBytes(head.TreeSize, head.TreeEdge).Root());
    }

    private async Task<string?> InconsistentWithOwnCopyAsync(long size, byte[] root, CancellationToken cancellationToken)
    {
        if (await LatestCopyAsync(cancellationToken).ConfigureAwait(false) is not { } copy)
        {
            return null;
        }

        var held = CheckpointNote.Parse(copy.Note);
        if (!signer.Verifier.Verify(held))
        {
            // A copy the key did not sign (another key, or an edited row) proves nothing either way; the witness decides.
            return null;
        }

        var proof = held.TreeSize > 0 && held.TreeSize < size ? await _tree.ConsistencyProofAsync(held.TreeSize, size, cancellationToken).ConfigureAwait(false) : null;
        var problem = CheckpointConsistency.Problem(held.TreeSize, held.RootHash, size, root, proof);
        return problem is null ? null : "the latest checkpoint kept in the database says: " + problem;
    }

    private async Task KeepCopyAsync(CheckpointNote checkpoint, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        if (await db.AccessRecordCheckpoints.AnyAsync(c => c.TreeSize == checkpoint.TreeSize, cancellationToken).ConfigureAwait(false))
        {
            return;
        }

        db.AccessRecordCheckpoints.Add(new AccessRecordCheckpoint
        {
            TreeSize = checkpoint.TreeSize,
            RootHash = checkpoint.RootHash,
            SignedAt = checkpoint.SignedAt!.Value.UtcDateTime,
            Note = checkpoint.Text,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException)
        {
            // Another node kept the same checkpoint size first.
        }
    }

    private async Task ObserveAsync(WitnessOutcome? outcome, CancellationToken cancellationToken, CheckpointNote? signed = null)
    {
        var anchored = outcome is { Anchored: true } && signed is not null ? signed.TreeSize : anchor.AnchoredSize;
        (long, DateTimeOffset)? oldest = null;
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var next = await db.AccessRecords.AsNoTracking().Where(r => r.Sequence == anchored + 1).Select(r => new { r.Sequence, r.RecordedAt })
                .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            if (next is not null)
            {
                oldest = (next.Sequence, new DateTimeOffset(DateTime.SpecifyKind(next.RecordedAt, DateTimeKind.Utc)));
            }
        }

        anchor.Observed(anchored, oldest, outcome is { Anchored: false } ? outcome.Message : null, outcome?.Verdict == WitnessVerdict.Inconsistent);
    }
}
