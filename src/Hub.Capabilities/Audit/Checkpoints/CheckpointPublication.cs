namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>The result of one checkpoint round.</summary>
/// <param name="Checkpoint">The checkpoint signed this round (null when the tree is empty or already anchored at its size).</param>
/// <param name="Outcome">The witness's answer (null when nothing was offered).</param>
public sealed record CheckpointPublication(CheckpointNote? Checkpoint, WitnessOutcome? Outcome);
