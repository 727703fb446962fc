namespace Hub.Capabilities.Policies;

/// <summary>過去アクセスの再評価: the access records of a period replayed against a draft.</summary>
/// <param name="Draft">The draft.</param>
/// <param name="Against">The version in force it is compared with.</param>
/// <param name="From">Start of the period (inclusive).</param>
/// <param name="To">End of the period (exclusive).</param>
/// <param name="Records">Access records read.</param>
/// <param name="Refused">Records the version in force allows and the draft would refuse.</param>
/// <param name="Users">Per user and task, those with at least one refusal first.</param>
public sealed record PolicyReplayResult(int Draft, int? Against, DateTimeOffset From, DateTimeOffset To, int Records, int Refused, IReadOnlyList<ReplayedUser> Users);
