namespace Hub.Capabilities.Audit.Merkle;

/// <summary>
/// The right edge of a tree of <see cref="Size"/> leaves: the hashes of the complete subtrees of its size's binary
/// decomposition, largest first (one per set bit, at most 63). It is all an append needs: a new leaf merges with the
/// smallest subtrees while they are the same height, and every node this completes is a new complete subtree to store.
/// The root is the right fold of the edge. Kept in the chain head row, so an append reads nothing else.
/// </summary>
public sealed class MerkleFrontier
{
    private readonly List<byte[]> _hashes;

    private MerkleFrontier(long size, List<byte[]> hashes)
    {
        Size = size;
        _hashes = hashes;
    }

    /// <summary>Leaves in the tree.</summary>
    public long Size { get; private set; }

    /// <summary>The edge of the empty tree.</summary>
    public static MerkleFrontier Empty() => new(0, []);

    /// <summary>The edge of a tree of <paramref name="size"/> leaves from its stored form (<see cref="ToBytes"/>).</summary>
    /// <exception cref="InvalidOperationException">The bytes do not hold one hash per set bit of the size.</exception>
    public static MerkleFrontier FromBytes(long size, ReadOnlySpan<byte> bytes)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        var count = long.PopCount(size);
        if (bytes.Length != count * MerkleHash.Size)
        {
            throw new InvalidOperationException($"the tree edge holds {bytes.Length} bytes; a tree of {size} leaves needs {count * MerkleHash.Size}");
        }

        var hashes = new List<byte[]>((int)count + 1);
        for (var i = 0; i < count; i++)
        {
            hashes.Add(bytes.Slice(i * MerkleHash.Size, MerkleHash.Size).ToArray());
        }

        return new MerkleFrontier(size, hashes);
    }

    /// <summary>The edge's hashes concatenated, largest subtree first.</summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[_hashes.Count * MerkleHash.Size];
        for (var i = 0; i < _hashes.Count; i++)
        {
            _hashes[i].CopyTo(bytes, i * MerkleHash.Size);
        }

        return bytes;
    }

    /// <summary>The complete subtrees of the edge, largest first.</summary>
    public IEnumerable<(MerkleNodeId Node, byte[] Hash)> Subtrees()
    {
        var at = 0L;
        var i = 0;
        for (var level = 62; level >= 0; level--)
        {
            if ((Size & (1L << level)) != 0)
            {
                yield return (new MerkleNodeId(level, at >> level), _hashes[i++]);
                at += 1L << level;
            }
        }
    }

    /// <summary>Appends the leaf whose hash is <paramref name="leafHash"/>; every complete subtree it finishes (the leaf first) goes to <paramref name="completed"/>.</summary>
    public void Append(byte[] leafHash, Action<MerkleNodeId, byte[]> completed)
    {
        ArgumentNullException.ThrowIfNull(leafHash);
        ArgumentNullException.ThrowIfNull(completed);
        var index = Size;
        var node = leafHash;
        var level = 0;
        completed(new MerkleNodeId(0, index), node);

        // A set bit at `level` means the edge's smallest subtree has this height: merge, one level up.
        while (((Size >> level) & 1) == 1)
        {
            var left = _hashes[^1];
            _hashes.RemoveAt(_hashes.Count - 1);
            node = MerkleHash.Node(left, node);
            level++;
            completed(new MerkleNodeId(level, index >> level), node);
        }

        _hashes.Add(node);
        Size++;
    }

    /// <summary>MTH of the tree: the right fold of the edge.</summary>
    public byte[] Root()
    {
        if (_hashes.Count == 0)
        {
            return MerkleHash.Empty();
        }

        var root = _hashes[^1];
        for (var i = _hashes.Count - 2; i >= 0; i--)
        {
            root = MerkleHash.Node(_hashes[i], root);
        }

        return root;
    }
}
