namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>
/// A place outside the hub's database that keeps the log's checkpoints and accepts a new one only when the log extends
/// the one it holds (the C2SP tlog-witness rule: same size means same root, a larger size needs a consistency proof).
/// </summary>
public interface ICheckpointWitness
{
    /// <summary>Where the witness is, for messages (a folder or a URL).</summary>
    string Location { get; }

    /// <summary>Offers <paramref name="submission"/>; the witness's verdict.</summary>
    Task<WitnessOutcome> SubmitAsync(CheckpointSubmission submission, CancellationToken cancellationToken);

    /// <summary>The latest checkpoint the witness holds, when it can be read back (a folder can; the tlog-witness protocol cannot).</summary>
    Task<string?> LatestAsync(CancellationToken cancellationToken);
}
