using Hub.Capabilities.Audit.Merkle;

namespace Hub.Capabilities.Audit;

/// <summary>The chain head row as <see cref="AccessRecordAppendSql.LockHeadAsync"/> returned it, under its lock.</summary>
/// <param name="LastSequence">The new last sequence (after the move).</param>
/// <param name="LastHash">The hash of the last record before the group.</param>
/// <param name="TreeSize">Records the Merkle tree covers.</param>
/// <param name="TreeEdge">The tree's right edge (<see cref="MerkleFrontier.ToBytes"/>).</param>
public sealed record LockedAccessRecordHead(long LastSequence, string LastHash, long TreeSize, byte[] TreeEdge);
