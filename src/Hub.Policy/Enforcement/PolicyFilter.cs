using Hub.Policy.Persistence;

namespace Hub.Policy.Enforcement;

/// <summary>
/// Filtered loading (Casbin's <c>LoadFilteredPolicy</c>): for each policy type, the values rules must have, by
/// position; an empty string matches any value. Types not named are loaded whole.
/// </summary>
public sealed class PolicyFilter
{
    /// <summary>Required values per type, e.g. <c>{"p": ["", "task-001"]}</c> keeps <c>p</c> rules of domain <c>task-001</c>.</summary>
    public IDictionary<string, IReadOnlyList<string>> Values { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="rule"/> passes the filter.</summary>
    public bool Matches(PolicyRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (!Values.TryGetValue(rule.Type, out var required))
        {
            return true;
        }

        for (var i = 0; i < required.Count; i++)
        {
            if (required[i].Length > 0 && (i >= rule.Values.Count || rule.Values[i] != required[i]))
            {
                return false;
            }
        }

        return true;
    }
}
