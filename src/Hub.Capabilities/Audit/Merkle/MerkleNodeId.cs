namespace Hub.Capabilities.Audit.Merkle;

/// <summary>
/// A complete subtree: the <paramref name="Index"/>-th run of 2^<paramref name="Level"/> leaves, i.e. leaves
/// [Index·2^Level, (Index+1)·2^Level). Level 0 is a leaf. Only complete subtrees are stored; every hash the RFC's
/// recursion asks for is one of them or a right fold of a few of them.
/// </summary>
public readonly record struct MerkleNodeId(int Level, long Index)
{
    /// <summary>The first leaf under this node.</summary>
    public long Start => Index << Level;

    /// <summary>One past the last leaf under this node.</summary>
    public long End => (Index + 1) << Level;

    /// <summary>
    /// Where the node is stored: its post-order position, the number of complete subtrees an append-only tree completes
    /// before it. Appending leaf m completes, in this order, the leaf and the subtrees of levels 1 … t above it (t the
    /// trailing one bits of m); before leaf m, Σ_{j&lt;m} (1 + trailing ones of j) = 2m − popcount(m) subtrees were
    /// completed. So the node is at 2m − popcount(m) + Level with m = End − 1, its last leaf.
    /// </summary>
    public long Position
    {
        get
        {
            var last = End - 1;
            return (2 * last) - long.PopCount(last) + Level;
        }
    }
}
