namespace Hub.Data.Entities.Intake;

/// <summary>添付書類 (e.g. 出生証明書): checked against size and type limits, hashed, scanned, stored in the row or a folder.</summary>
public sealed class IntakeAttachment
{
    /// <summary>Attachment id.</summary>
    public Guid Id { get; set; }

    /// <summary>The case.</summary>
    public Guid CaseId { get; set; }

    /// <summary>The leg it belongs to, or null for the whole case.</summary>
    public Guid? LegId { get; set; }

    /// <summary>The file name as sent.</summary>
    public string FileName { get; set; } = string.Empty;

    /// <summary>The media type.</summary>
    public string ContentType { get; set; } = string.Empty;

    /// <summary>Bytes.</summary>
    public long Size { get; set; }

    /// <summary>SHA-256 (hex) of the content.</summary>
    public string Sha256 { get; set; } = string.Empty;

    /// <summary>The content, when stored in the database.</summary>
    public byte[]? Content { get; set; }

    /// <summary>The file's path under the configured folder, when stored there.</summary>
    public string? StoredPath { get; set; }

    /// <summary>What the virus-scan hook said (clean, or the scanner's name when none is configured: not-scanned).</summary>
    public string ScanResult { get; set; } = string.Empty;

    /// <summary>Who added it.</summary>
    public string AddedBy { get; set; } = string.Empty;

    /// <summary>When (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
