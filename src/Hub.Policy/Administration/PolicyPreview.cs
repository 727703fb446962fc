namespace Hub.Policy.Administration;

/// <summary>What publishing a draft would change, against the version in force (or nothing, before the first publication).</summary>
public sealed record PolicyPreview(int Draft, int? Against, IReadOnlyList<DecisionChange> Decisions, IReadOnlyList<FormItemChange> FormItems);
