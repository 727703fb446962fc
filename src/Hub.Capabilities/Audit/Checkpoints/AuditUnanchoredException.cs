namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>
/// Personal data is not served: the access log is not anchored (no checkpoint the witness holds covers records older
/// than <see cref="CheckpointOptions.MaxLag"/>, or the witness refused the log). Answered as <c>AUDIT_UNANCHORED</c>.
/// </summary>
public sealed class AuditUnanchoredException(string message) : InvalidOperationException(message);
