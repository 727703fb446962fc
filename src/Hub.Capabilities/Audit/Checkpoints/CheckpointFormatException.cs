namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>A checkpoint or verifier key that does not parse; the message says what is wrong, never the text itself.</summary>
public sealed class CheckpointFormatException(string message) : FormatException(message);
