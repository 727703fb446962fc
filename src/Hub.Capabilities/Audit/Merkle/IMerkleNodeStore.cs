namespace Hub.Capabilities.Audit.Merkle;

/// <summary>Where the hashes of complete subtrees are kept (the database's <c>access_record_tree</c>, or memory).</summary>
public interface IMerkleNodeStore
{
    /// <summary>The hashes of <paramref name="nodes"/>; a node not stored is missing from the answer.</summary>
    Task<IReadOnlyDictionary<MerkleNodeId, byte[]>> ReadAsync(IReadOnlyCollection<MerkleNodeId> nodes, CancellationToken cancellationToken);
}
