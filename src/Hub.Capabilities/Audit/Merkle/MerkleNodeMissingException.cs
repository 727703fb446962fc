namespace Hub.Capabilities.Audit.Merkle;

/// <summary>A subtree a root or proof needs is not in the store: the tree does not reach that far, or rows were removed.</summary>
public sealed class MerkleNodeMissingException(MerkleNodeId node)
    : InvalidOperationException($"the Merkle tree has no node at level {node.Level}, index {node.Index} (leaves {node.Start}–{node.End - 1})")
{
    /// <summary>The missing node.</summary>
    public MerkleNodeId Node { get; } = node;
}
