namespace Hub.Policy.Administration;

/// <summary>
/// A four-eyes step (起案 → 審査 → 決裁) that is refused: the version is not in the state the step needs, the approver is
/// one of its authors, an allow has no legal basis, or an invariant is violated. Nothing changes; the refusal is recorded.
/// </summary>
public sealed class PolicyReviewException(int version, IReadOnlyList<string> problems)
    : Exception($"version {version}: " + string.Join("; ", problems))
{
    /// <summary>The version.</summary>
    public int Version { get; } = version;

    /// <summary>Every reason for the refusal (at least one).</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
