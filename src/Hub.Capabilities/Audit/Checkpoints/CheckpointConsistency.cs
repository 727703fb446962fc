using System.Globalization;
using Hub.Capabilities.Audit.Merkle;

namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>
/// The witness rule between a checkpoint held and a tree offered: a larger tree must come with a consistency proof
/// that verifies (RFC 9162 §2.1.4.2), the same size must have the same root, a smaller tree is a rollback.
/// </summary>
public static class CheckpointConsistency
{
    /// <summary>Why the tree of <paramref name="size"/> records with <paramref name="root"/> does not extend the held checkpoint; null when it does.</summary>
    public static string? Problem(long heldSize, byte[] heldRoot, long size, byte[] root, IReadOnlyList<byte[]>? proof)
    {
        if (heldSize > size)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"the witness holds a checkpoint of {heldSize} records, more than this log's {size}: records were removed, the database was restored from an older copy, or another database forked the log");
        }

        if (heldSize == size)
        {
            return heldRoot.AsSpan().SequenceEqual(root)
                ? null
                : string.Create(CultureInfo.InvariantCulture, $"the witness holds a checkpoint of the same size ({heldSize}) with another root: the log forked or its records were changed");
        }

        return MerkleVerifier.VerifyConsistency(heldSize, size, heldRoot, root, proof ?? [])
            ? null
            : string.Create(CultureInfo.InvariantCulture,
                $"this log ({size} records) does not extend the witness's checkpoint of {heldSize} records (the consistency proof fails): records up to {heldSize} were changed, removed or reordered, or the log forked");
    }
}
