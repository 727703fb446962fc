namespace Hub.Capabilities.Policies;

/// <summary>One staff user's past requests in one task, replayed against a draft.</summary>
/// <param name="User">The staff user.</param>
/// <param name="Task">The task code (事務コード).</param>
/// <param name="Requests">Their requests in the period that the version in force allows.</param>
/// <param name="Refused">How many of those the draft would refuse (at least one field they used would be withheld).</param>
/// <param name="Fields">The catalog paths the draft would withhold from them, sorted.</param>
public sealed record ReplayedUser(string User, string Task, int Requests, int Refused, IReadOnlyList<string> Fields);
