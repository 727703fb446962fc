namespace Hub.Data.Entities;

/// <summary>
/// One hub node's report of the policy version it serves (ノード別の適用版): which version, since when it took it up, and
/// when it last reported. Each node writes only its own row; the console shows the table beside a publication.
/// </summary>
public sealed class PolicyNodeRow
{
    /// <summary>The node's name (Hub:Policy:NodeName; default machine name and process id).</summary>
    public string Node { get; set; } = string.Empty;

    /// <summary>The policy version the node enforces.</summary>
    public int Version { get; set; }

    /// <summary>When the node took that version up (UTC).</summary>
    public DateTime Since { get; set; }

    /// <summary>When the node last reported (UTC); a node that stopped reporting is stale, not removed.</summary>
    public DateTime ReportedAt { get; set; }
}
