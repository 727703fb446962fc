namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>
/// A checkpoint offered to a witness: the tree's size and root, the signed note, and where the witness gets a
/// consistency proof from the size it already holds (RFC 9162 §2.1.4, from the hub's stored tree).
/// </summary>
/// <param name="Checkpoint">The signed checkpoint.</param>
/// <param name="ConsistencyProof">The consistency proof from a smaller size to the checkpoint's.</param>
public sealed record CheckpointSubmission(CheckpointNote Checkpoint, Func<long, CancellationToken, Task<IReadOnlyList<byte[]>>> ConsistencyProof);
