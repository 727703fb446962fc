namespace Hub.Data.Entities.Intake;

/// <summary>One status change of a leg (経過): who, when, why and the message for the resident. Append-only.</summary>
public sealed class IntakeLegEvent
{
    /// <summary>Sequence.</summary>
    public long Id { get; set; }

    /// <summary>The leg.</summary>
    public Guid LegId { get; set; }

    /// <summary>The status before; null for the submission itself.</summary>
    public string? FromStatus { get; set; }

    /// <summary>The status after.</summary>
    public string ToStatus { get; set; } = string.Empty;

    /// <summary>Who: staff user id, the resident principal's subject, or <c>hub</c>.</summary>
    public string Actor { get; set; } = string.Empty;

    /// <summary>department, applicant or hub.</summary>
    public string ActorKind { get; set; } = string.Empty;

    /// <summary>When (UTC).</summary>
    public DateTime At { get; set; }

    /// <summary>Why (for the record; staff-facing).</summary>
    public string? Reason { get; set; }

    /// <summary>The message for the resident (shown in the portal and sent as a notice).</summary>
    public string? Message { get; set; }
}
