namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>What a witness made of a checkpoint.</summary>
public enum WitnessVerdict
{
    /// <summary>Written: the witness now holds this checkpoint.</summary>
    Accepted,

    /// <summary>The witness already holds a checkpoint of this size and root: nothing new to anchor.</summary>
    AlreadyHeld,

    /// <summary>
    /// Refused because the log does not extend what the witness holds: a checkpoint of more records, the same size with
    /// another root, or a failed consistency proof. The log was cut, rolled back or forked.
    /// </summary>
    Inconsistent,

    /// <summary>The witness could not be reached or refused for another reason (key or origin unknown to it, I/O).</summary>
    Failed,
}
