using Hub.Policy.Checking;

namespace Hub.Policy.Administration;

/// <summary>A draft that cannot be previewed: it does not parse or check. Nothing is compared; the version in force stays.</summary>
public sealed class PolicyDraftRejectedException(int version, IReadOnlyList<PolicyDiagnostic> errors)
    : Exception($"draft {version} does not check: " + string.Join("; ", errors))
{
    /// <summary>The draft.</summary>
    public int Version { get; } = version;

    /// <summary>The checker's errors.</summary>
    public IReadOnlyList<PolicyDiagnostic> Errors { get; } = errors;
}
