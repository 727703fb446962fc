namespace Hub.Capabilities.Audit;

/// <summary>What <see cref="AccessLogAuditor"/> found.</summary>
/// <param name="Findings">Problems, one line each, naming records, sizes and checkpoints (never a resident); empty when intact.</param>
/// <param name="Confirmations">What was proven (consistency proofs verified), one line each.</param>
/// <param name="RecordCount">Records read.</param>
/// <param name="HeadSequence">The chain head's last sequence.</param>
public sealed record AccessLogAudit(IReadOnlyList<string> Findings, IReadOnlyList<string> Confirmations, int RecordCount, long HeadSequence);
