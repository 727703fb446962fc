namespace Hub.Data.Entities.Intake;

/// <summary>
/// An <c>Idempotency-Key</c> a submitter sent: the payload's hash and, once the submission committed, its case. While
/// <see cref="CaseId"/> is null and the lease runs, the first submission is in flight (a repeat gets CONFLICT); a lease
/// that ran out (the process died) is taken over by the next repeat.
/// </summary>
public sealed class IntakeIdempotencyKey
{
    /// <summary>Who sent it (the key is theirs alone).</summary>
    public string Principal { get; set; } = string.Empty;

    /// <summary>The key.</summary>
    public string Key { get; set; } = string.Empty;

    /// <summary>SHA-256 (hex) of the canonical payload.</summary>
    public string PayloadHash { get; set; } = string.Empty;

    /// <summary>The case, once committed.</summary>
    public Guid? CaseId { get; set; }

    /// <summary>Until when the submission holding the key counts as in flight (UTC).</summary>
    public DateTime LeaseUntil { get; set; }

    /// <summary>When first seen (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
