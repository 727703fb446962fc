namespace Hub.Capabilities.Audit.Merkle;

/// <summary>
/// The complete subtrees in memory, one array of hashes per level, filled by the same append as the database's
/// (<see cref="MerkleFrontier.Append"/>): for tests and for the proof benchmark at 10,000,000 leaves (about 640 MB).
/// </summary>
public sealed class InMemoryMerkleNodeStore : IMerkleNodeStore
{
    private readonly List<List<byte[]>> _levels = [];
    private readonly MerkleFrontier _frontier = MerkleFrontier.Empty();

    /// <summary>Leaves appended.</summary>
    public long Size => _frontier.Size;

    /// <summary>Nodes stored, every level.</summary>
    public long NodeCount => _levels.Sum(l => (long)l.Count);

    /// <summary>Appends a leaf by its hash.</summary>
    public void AppendLeafHash(byte[] leafHash) => _frontier.Append(leafHash, Store);

    /// <summary>MTH of every leaf so far, from the edge.</summary>
    public byte[] Root() => _frontier.Root();

    public Task<IReadOnlyDictionary<MerkleNodeId, byte[]>> ReadAsync(IReadOnlyCollection<MerkleNodeId> nodes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var found = new Dictionary<MerkleNodeId, byte[]>(nodes.Count);
        foreach (var node in nodes)
        {
            if (node.Level < _levels.Count && node.Index >= 0 && node.Index < _levels[node.Level].Count)
            {
                found[node] = _levels[node.Level][(int)node.Index];
            }
        }

        return Task.FromResult<IReadOnlyDictionary<MerkleNodeId, byte[]>>(found);
    }

    private void Store(MerkleNodeId node, byte[] hash)
    {
        while (_levels.Count <= node.Level)
        {
            _levels.Add([]);
        }

        // Nodes of one level are completed left to right, so each is the next of its level.
        _levels[node.Level].Add(hash);
    }
}
