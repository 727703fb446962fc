namespace Hub.Data.Entities;

/// <summary>
/// One complete subtree of the Merkle tree over the access records (RFC 9162 §2.1): the hash of leaves
/// [<see cref="NodeIndex"/>·2^<see cref="Level"/>, (<see cref="NodeIndex"/>+1)·2^<see cref="Level"/>). Level 0 holds
/// the leaf hashes, one per record (leaf <c>i</c> is record <c>i + 1</c>). Written in the transaction that appends the
/// records that complete it; never updated, never deleted. A root or a proof at any size is a fold of O(log n) of them.
/// </summary>
public sealed class AccessRecordTreeNode
{
    /// <summary>Height: 0 for a leaf, k for a subtree of 2^k leaves.</summary>
    public int Level { get; set; }

    /// <summary>Position among the subtrees of its level, from 0.</summary>
    public long NodeIndex { get; set; }

    /// <summary>SHA-256 (32 bytes): <c>SHA-256(0x00 || leaf)</c> at level 0, <c>SHA-256(0x01 || left || right)</c> above.</summary>
    public byte[] Hash { get; set; } = [];
}
