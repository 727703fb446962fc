using Hub.Adapters.Catalog;

namespace Hub.Api.Tests.Privacy;

/// <summary>A (staff user, task) of the default policy: every <c>g</c> line of <c>schemas/policy/policy.csv</c>.</summary>
internal sealed record Grant(string User, string Task)
{
    /// <summary>Every distinct (user, task) the default policy grants a role in.</summary>
    public static IReadOnlyList<Grant> OfDefaultPolicy() =>
        [.. File.ReadLines(Path.Combine(SchemaDirectory.Find("policy"), "policy.csv"))
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("g,", StringComparison.Ordinal))
            .Select(l => l.Split(',', StringSplitOptions.TrimEntries))
            .Select(parts => new Grant(parts[1], parts[3]))
            .Distinct()];

    public override string ToString() => $"{User}@{Task}";
}
