using Hub.Policy.Persistence;

namespace Hub.Policy.Administration;

/// <summary>What changed between two versions: rules added and removed (order-insensitive), and whether the model text changed.</summary>
public sealed record PolicyDiff(int From, int To, bool ModelChanged, IReadOnlyList<PolicyRule> Added, IReadOnlyList<PolicyRule> Removed);
