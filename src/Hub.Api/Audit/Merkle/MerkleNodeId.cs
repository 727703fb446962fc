namespace Hub.Api.Audit.Merkle;

/// <summary>
/// A complete subtree: the <paramref name="Index"/>-th run of 2^<paramref name="Level"/> leaves, i.e. leaves
/// [Index·2^Level, (Index+1)·2^Level). Level 0 is a leaf. Only complete subtrees are stored; every hash the RFC's
/// recursion asks for is one of them or a right fold of a few of them.
/// </summary>
internal readonly record struct MerkleNodeId(int Level, long Index)
{
    /// <summary>The first leaf under this node.</summary>
    public long Start => Index << Level;

    /// <summary>One past the last leaf under this node.</summary>
    public long End => (Index + 1) << Level;
}
