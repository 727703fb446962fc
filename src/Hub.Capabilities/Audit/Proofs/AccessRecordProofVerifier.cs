using System.Globalization;
using Hub.Capabilities.Audit.Checkpoints;
using Hub.Capabilities.Audit.Merkle;
using Hub.Data.Entities;

namespace Hub.Capabilities.Audit.Proofs;

/// <summary>
/// Checks a proof document offline, step by step, as docs/audit.md describes for a resident's advisor: the checkpoint's
/// signature (by the key the city publishes, when given), that the proof is against that checkpoint, the record's chain
/// hash from its content, the leaf hash, and RFC 9162 §2.1.3.2's inclusion verification.
/// </summary>
public static class AccessRecordProofVerifier
{
    /// <summary>The steps, in order; the proof holds when none failed.</summary>
    public static IReadOnlyList<ProofCheck> Verify(AccessRecordProofDocument document, CheckpointVerifierKey? pinned)
    {
        ArgumentNullException.ThrowIfNull(document);
        var checks = new List<ProofCheck>();
        CheckpointVerifierKey key;
        if (pinned is not null)
        {
            key = pinned;
            checks.Add(new ProofCheck(document.VerifierKey.Trim() == pinned.ToString(), $"the document names the key you gave ({pinned.Name}, key ID {pinned.KeyId:x8})"));
        }
        else
        {
            try
            {
                key = CheckpointVerifierKey.Parse(document.VerifierKey);
            }
            catch (CheckpointFormatException e)
            {
                checks.Add(new ProofCheck(false, $"the document's verifier key: {e.Message}"));
                return checks;
            }

            checks.Add(new ProofCheck(null, $"key not pinned: the document's own key {key.Name} (key ID {key.KeyId:x8}) is used; compare it with the verifier key the city publishes, or pass it with --key"));
        }

        CheckpointNote checkpoint;
        try
        {
            checkpoint = CheckpointNote.Parse(document.Checkpoint);
        }
        catch (CheckpointFormatException e)
        {
            checks.Add(new ProofCheck(false, $"the checkpoint: {e.Message}"));
            return checks;
        }

        checks.Add(new ProofCheck(key.Verify(checkpoint), $"checkpoint signature by {key.Name} (checkpoint: {checkpoint})"));
        var root = Base64(document.RootHash);
        checks.Add(new ProofCheck(checkpoint.TreeSize == document.TreeSize && root is not null && root.AsSpan().SequenceEqual(checkpoint.RootHash),
            string.Create(CultureInfo.InvariantCulture, $"the proof is against that checkpoint: tree size {document.TreeSize}, root hash {document.RootHash}")));
        checks.Add(new ProofCheck(document.LeafIndex == document.Record.Sequence - 1,
            string.Create(CultureInfo.InvariantCulture, $"record {document.Record.Sequence} is leaf {document.LeafIndex} (records are numbered from 1, leaves from 0)")));

        var record = document.Record.ToAccessRecord();
        checks.Add(record is null
            ? new ProofCheck(null, "the record's content is not recomputed: it names other residents, withheld from you; the leaf stands for the record's chain hash as given")
            : new ProofCheck(AccessRecordChain.ComputeHash(record) == document.Record.Hash, "the record's chain hash (SHA-256 over its columns and the previous record's hash) matches its content"));

        byte[]? leaf = null;
        try
        {
            leaf = AccessRecordLeaf.Hash(document.Record.Hash);
        }
        catch (FormatException)
        {
            // reported below
        }

        var given = Base64(document.LeafHash);
        checks.Add(new ProofCheck(leaf is not null && given is not null && leaf.AsSpan().SequenceEqual(given), "leaf hash = SHA-256(0x00 || chain hash)"));
        var path = document.AuditPath.Select(Base64).ToList();
        checks.Add(new ProofCheck(
            leaf is not null && root is not null && path.All(p => p is not null) && MerkleVerifier.VerifyInclusion(document.LeafIndex, document.TreeSize, leaf, path!, root),
            string.Create(CultureInfo.InvariantCulture, $"inclusion (RFC 9162 §2.1.3.2): leaf {document.LeafIndex} of {document.TreeSize} with {path.Count} audit path hash(es) folds to the root")));
        return checks;
    }

    private static byte[]? Base64(string text)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
