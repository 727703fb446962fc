using Hub.Policy.Persistence;

namespace Hub.Capabilities.Prefill;

/// <summary>The task codes (事務コード) a Casbin policy file names: the domain of each <c>p</c> and <c>g</c> line.</summary>
public static class PolicyTasks
{
    /// <summary>The tasks of the policy file at <paramref name="policyPath"/> (p: second value; g: third).</summary>
    public static IReadOnlySet<string> Read(string policyPath) => Of(PolicyCsvReader.Load(policyPath));

    /// <summary>The tasks of <paramref name="rules"/>.</summary>
    public static IReadOnlySet<string> Of(IEnumerable<PolicyRule> rules) =>
        rules.Select(r => r.Type.StartsWith('p') && r.Values.Count > 1 ? r.Values[1] : r.Type.StartsWith('g') && r.Values.Count > 2 ? r.Values[2] : null)
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);
}
