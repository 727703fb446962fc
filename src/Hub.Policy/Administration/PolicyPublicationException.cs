using Hub.Policy.Checking;

namespace Hub.Policy.Administration;

/// <summary>A version that cannot be published: it fails to parse or check. The version in force stays.</summary>
public sealed class PolicyPublicationException(int version, IReadOnlyList<PolicyDiagnostic> errors)
    : Exception($"version {version} cannot be published: " + string.Join("; ", errors))
{
    /// <summary>The version that was refused.</summary>
    public int Version { get; } = version;

    /// <summary>The errors that made it unpublishable.</summary>
    public IReadOnlyList<PolicyDiagnostic> Errors { get; } = errors;
}
