namespace Hub.Api.Intake;

/// <summary>The notice webhook (<c>Hub:Intake:Webhook</c>): where notices are posted and the key that signs them.</summary>
public sealed class WebhookOptions
{
    /// <summary>The receiver's URL (a portal or a mail gateway); none: notices stay in the inbox only.</summary>
    public Uri? Url { get; set; }

    /// <summary>The shared secret (at least 32 characters) the HMAC-SHA256 signature is made with; required with <see cref="Url"/>.</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// Whether posts carry the notice's title and message (default false): without, a post says only that there is a notice,
    /// for which 宛名番号 and application, and the resident reads it in the portal, so no text of it is held outside the hub.
    /// </summary>
    public bool IncludeText { get; set; }

    /// <summary>How long one post may take (default 10 s); longer counts as a failure and is retried.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
