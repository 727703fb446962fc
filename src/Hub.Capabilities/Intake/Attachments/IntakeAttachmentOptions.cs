namespace Hub.Capabilities.Intake.Attachments;

/// <summary>Attachments (<c>Hub:Intake:Attachments</c>).</summary>
public sealed class IntakeAttachmentOptions
{
    /// <summary>Largest file in bytes (default 10 MiB).</summary>
    public long MaxBytes { get; set; } = 10 * 1024 * 1024;

    /// <summary>Media types accepted, each checked against the file's first bytes (default PDF, JPEG, PNG).</summary>
    public IReadOnlyList<string> AllowedTypes { get; set; } = ["application/pdf", "image/jpeg", "image/png"];

    /// <summary>A folder to keep contents in (content-addressed by SHA-256); null keeps them in the database (default).</summary>
    public string? Directory { get; set; }
}
