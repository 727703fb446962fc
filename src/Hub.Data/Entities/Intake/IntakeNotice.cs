namespace Hub.Data.Entities.Intake;

/// <summary>お知らせ: a message in a resident's inbox, written in the same transaction as the change it tells of.</summary>
public sealed class IntakeNotice
{
    /// <summary>Sequence.</summary>
    public long Id { get; set; }

    /// <summary>宛名番号 of the resident whose inbox it is in.</summary>
    public string AtenaNumber { get; set; } = string.Empty;

    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The leg, when the notice is about one.</summary>
    public Guid? LegId { get; set; }

    /// <summary>Title.</summary>
    public string Title { get; set; } = string.Empty;

    /// <summary>Body.</summary>
    public string Message { get; set; } = string.Empty;

    /// <summary>When (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>When the resident read it; null while unread.</summary>
    public DateTime? ReadAt { get; set; }
}
