using System.Collections.Concurrent;

namespace Hub.Policy.Roles;

/// <summary>The links that apply in one domain (its own, plus those of domain patterns it matches), with pattern neighbours cached.</summary>
internal sealed class DomainView(Dictionary<string, List<string>> links, Dictionary<(string Name, string Role), Func<bool>> guards)
{
    private readonly ConcurrentDictionary<string, List<string>> _neighbours = new(StringComparer.Ordinal);
    private string[]? _names;

    public Dictionary<string, List<string>> Links { get; } = links;

    /// <summary>Roles <paramref name="name"/> holds directly, leaving out conditional links whose condition is false now.</summary>
    public IReadOnlyList<string> Direct(string name)
    {
        if (!Links.TryGetValue(name, out var roles))
        {
            return [];
        }

        return guards.Count == 0 ? roles : roles.Where(r => !guards.TryGetValue((name, r), out var guard) || guard()).ToList();
    }

    /// <summary>
    /// Go's <c>rangeRoles</c> with a matching function: the direct roles of <paramref name="name"/> plus the direct roles
    /// of every known name that <paramref name="name"/> matches as a pattern.
    /// </summary>
    public List<string> Neighbours(string name, Func<string, string, bool> matching) =>
        guards.Count > 0 ? ComputeNeighbours(name, matching) : _neighbours.GetOrAdd(name, n => ComputeNeighbours(n, matching));

    private List<string> ComputeNeighbours(string n, Func<string, string, bool> matching)
    {
        var result = new List<string>(Direct(n));
        _names ??= Links.Keys.Concat(Links.Values.SelectMany(v => v)).Distinct(StringComparer.Ordinal).ToArray();
        foreach (var other in _names)
        {
            if (other != n && matching(n, other))
            {
                result.AddRange(Direct(other).Where(r => !result.Contains(r)));
            }
        }

        return result;
    }
}
