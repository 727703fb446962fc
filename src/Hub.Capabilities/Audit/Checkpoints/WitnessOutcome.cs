namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>A witness's answer to one checkpoint.</summary>
/// <param name="Verdict">Accepted, already held, inconsistent or failed.</param>
/// <param name="Message">What happened, for logs and health (no personal data: sizes, hashes, paths).</param>
public sealed record WitnessOutcome(WitnessVerdict Verdict, string Message)
{
    /// <summary>Whether the checkpoint is now held by the witness (written now or before).</summary>
    public bool Anchored => Verdict is WitnessVerdict.Accepted or WitnessVerdict.AlreadyHeld;
}
