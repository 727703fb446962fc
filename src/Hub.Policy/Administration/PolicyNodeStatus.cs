namespace Hub.Policy.Administration;

/// <summary>ノード別の適用版: which policy version one hub node serves, since when, and when it last reported.</summary>
/// <param name="Node">The node's name.</param>
/// <param name="Version">The version it enforces.</param>
/// <param name="Since">When it took that version up.</param>
/// <param name="ReportedAt">When it last reported.</param>
public sealed record PolicyNodeStatus(string Node, int Version, DateTimeOffset Since, DateTimeOffset ReportedAt);
