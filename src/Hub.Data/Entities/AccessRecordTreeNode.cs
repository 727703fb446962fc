namespace Hub.Data.Entities;

/// <summary>
/// One complete subtree of the Merkle tree over the access records (RFC 9162 §2.1): the hash of 2^level leaves, keyed by
/// its <see cref="Position"/> in post-order, the order in which appends complete subtrees: appending leaf n stores the
/// leaf and every subtree it completes at positions 2n − popcount(n), +1, +2 …, so each append writes at the end of the
/// table's key range, as the records do. The subtree of level L and index i (leaves [i·2^L, (i+1)·2^L)) is completed by
/// leaf m = (i+1)·2^L − 1 and sits at 2m − popcount(m) + L. Leaf i is record i + 1. Written in the transaction that
/// appends the records that complete it; never updated, never deleted. A root or a proof at any size is a fold of
/// O(log n) of them.
/// </summary>
public sealed class AccessRecordTreeNode
{
    /// <summary>Post-order position (0, 1, 2 …): the number of subtrees completed before this one.</summary>
    public long Position { get; set; }

    /// <summary>SHA-256 (32 bytes): <c>SHA-256(0x00 || leaf)</c> for a leaf, <c>SHA-256(0x01 || left || right)</c> above.</summary>
    public byte[] Hash { get; set; } = [];
}
