namespace Hub.Data.Entities;

/// <summary>
/// One stored policy audit record (変更履歴): append-only and hash-chained. The sequence is the key, so two nodes
/// cannot both append the same link. Hub.Policy's <c>PolicyAuditRecord</c> is the domain type; this is its row.
/// </summary>
public sealed class PolicyAuditRow
{
    /// <summary>Position in the chain (1, 2, …).</summary>
    public long Sequence { get; set; }

    /// <summary>When (UTC, milliseconds: the precision the hash covers).</summary>
    public DateTime At { get; set; }

    /// <summary>Who (staff user id).</summary>
    public string Actor { get; set; } = string.Empty;

    /// <summary>DraftCreated, DraftUpdated, Published, RolledBack or PublishRejected.</summary>
    public string Action { get; set; } = string.Empty;

    /// <summary>The version concerned.</summary>
    public int Version { get; set; }

    /// <summary>Why (free text).</summary>
    public string Reason { get; set; } = string.Empty;

    /// <summary>The content digest of a version's text, or why a publication was refused.</summary>
    public string? Detail { get; set; }

    /// <summary>Hash of the previous record (zeros for the first).</summary>
    public string PreviousHash { get; set; } = string.Empty;

    /// <summary>SHA-256 over this record and <see cref="PreviousHash"/>.</summary>
    public string Hash { get; set; } = string.Empty;
}
