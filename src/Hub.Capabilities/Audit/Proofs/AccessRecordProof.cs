using Hub.Capabilities.Audit.Checkpoints;

namespace Hub.Capabilities.Audit.Proofs;

/// <summary>
/// An inclusion proof (RFC 9162 §2.1.3) of one access record against a signed checkpoint: leaf <see cref="LeafIndex"/>
/// (the record's sequence − 1) with hash <see cref="LeafHash"/> is in the tree of <see cref="TreeSize"/> records whose root
/// <see cref="RootHash"/> the checkpoint signs, by the hashes of <see cref="AuditPath"/>.
/// </summary>
/// <param name="LeafIndex">The record's position in the tree (sequence − 1).</param>
/// <param name="TreeSize">Records the checkpoint covers.</param>
/// <param name="LeafHash">SHA-256(0x00 || the record's chain hash).</param>
/// <param name="AuditPath">The RFC's PATH(m, D[n]), nearest the leaf first.</param>
/// <param name="RootHash">The checkpoint's root.</param>
/// <param name="Checkpoint">The signed checkpoint.</param>
public sealed record AccessRecordProof(long LeafIndex, long TreeSize, byte[] LeafHash, IReadOnlyList<byte[]> AuditPath, byte[] RootHash, CheckpointNote Checkpoint);
