namespace Hub.Data.Entities.Intake;

/// <summary>
/// Transactional outbox: a delivery owed (a leg to its department's adapter, a notice to the webhook), written in the same
/// transaction as the change that owes it and delivered at least once. Holds ids only, never personal data: the
/// dispatcher reads the leg under the department's task when it delivers. <see cref="DedupeKey"/> is unique.
/// </summary>
public sealed class IntakeOutboxMessage
{
    /// <summary>Sequence (delivery order).</summary>
    public long Id { get; set; }

    /// <summary>leg or notice.</summary>
    public string Kind { get; set; } = string.Empty;

    /// <summary>Where to: the department adapter's name, or <c>webhook</c>.</summary>
    public string Target { get; set; } = string.Empty;

    /// <summary>The leg delivered (kind leg).</summary>
    public Guid? LegId { get; set; }

    /// <summary>The notice delivered (kind notice).</summary>
    public long? NoticeId { get; set; }

    /// <summary>One row per thing owed: e.g. <c>leg:{id}:{target}</c>.</summary>
    public string DedupeKey { get; set; } = string.Empty;

    /// <summary>When it was owed (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Not before (UTC): backoff after a failed attempt.</summary>
    public DateTime NextAttemptAt { get; set; }

    /// <summary>Attempts made.</summary>
    public int Attempts { get; set; }

    /// <summary>When it was delivered; null while owed.</summary>
    public DateTime? DeliveredAt { get; set; }

    /// <summary>The last failure's shape (exception type), never a value.</summary>
    public string? LastError { get; set; }
}
