namespace Hub.Data.Entities;

/// <summary>
/// アクセス記録: one GraphQL response that resolved personal data — who (user, terminal), when, for which task,
/// purpose and case, about whom (宛名番号), which catalog fields, whether 個人番号 was used, under which policy
/// version. Append-only and hash-chained: <see cref="Hash"/> seals this record's content together with
/// <see cref="PreviousHash"/>, the hash of the record before it, so a changed, removed or reordered record breaks
/// the chain. Never updated, never deleted.
/// </summary>
public sealed class AccessRecord
{
    /// <summary>Position in the chain (1, 2, …), assigned under the chain's lock; no gaps.</summary>
    public long Sequence { get; set; }

    /// <summary>When the response was produced (UTC, milliseconds).</summary>
    public DateTime RecordedAt { get; set; }

    /// <summary>The staff user or resident principal (token <c>sub</c>).</summary>
    public string UserId { get; set; } = string.Empty;

    /// <summary>Terminal or client id (端末), when the request named one.</summary>
    public string? ClientId { get; set; }

    /// <summary>事務コード.</summary>
    public string Task { get; set; } = string.Empty;

    /// <summary>利用目的.</summary>
    public string Purpose { get; set; } = string.Empty;

    /// <summary>案件 id, when given.</summary>
    public string? Case { get; set; }

    /// <summary>The operation's root fields (e.g. <c>resident prefill</c>), for reading the record.</summary>
    public string Operation { get; set; } = string.Empty;

    /// <summary>宛名番号 of every resident whose data the response held, delimited as <c>|a|b|</c> so one can be searched.</summary>
    public string SubjectAtenaNumbers { get; set; } = string.Empty;

    /// <summary>Catalog paths resolved, space-separated, sorted.</summary>
    public string FieldPaths { get; set; } = string.Empty;

    /// <summary>True when 個人番号 was read or used to find a person (番号法: access to specific personal information).</summary>
    public bool MyNumberUsed { get; set; }

    /// <summary>The policy version the field masks came from.</summary>
    public string PolicyVersion { get; set; } = string.Empty;

    /// <summary>Hash of the previous record (64 zeros for the first).</summary>
    public string PreviousHash { get; set; } = string.Empty;

    /// <summary>SHA-256 (hex) over this record's content and <see cref="PreviousHash"/>.</summary>
    public string Hash { get; set; } = string.Empty;
}
