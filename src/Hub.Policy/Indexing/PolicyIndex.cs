using Hub.Policy.Roles;

namespace Hub.Policy.Indexing;

/// <summary>Rules of one policy type grouped by the values of the columns an <see cref="IndexPlan"/> names, in policy order.</summary>
internal sealed class PolicyIndex
{
    private const char Separator = '\u001F';
    private readonly IndexPlan _plan;
    private readonly Dictionary<string, int[]> _map;

    private PolicyIndex(IndexPlan plan, Dictionary<string, int[]> map)
    {
        _plan = plan;
        _map = map;
    }

    public static PolicyIndex Build(IndexPlan plan, IReadOnlyList<string[]> rows)
    {
        var lists = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var parts = new string[plan.Equalities.Count + (plan.Role is null ? 0 : 1)];
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            for (var k = 0; k < plan.Equalities.Count; k++)
            {
                parts[k] = row[plan.Equalities[k].PolicyIndex];
            }

            if (plan.Role is not null)
            {
                parts[^1] = row[plan.Role.PolicyIndex];
            }

            var key = Key(parts);
            if (!lists.TryGetValue(key, out var list))
            {
                lists[key] = list = [];
            }

            list.Add(i);
        }

        return new PolicyIndex(plan, lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>Indexes of the rules that may match, ascending; null when the request cannot use the index (scan every rule).</summary>
    public int[]? Candidates(object?[] request, RoleGraph[] roles)
    {
        var parts = new string[_plan.Equalities.Count + (_plan.Role is null ? 0 : 1)];
        for (var k = 0; k < _plan.Equalities.Count; k++)
        {
            if (request[_plan.Equalities[k].RequestIndex] is not string value)
            {
                return []; // a non-string never equals a policy value
            }

            parts[k] = value;
        }

        if (_plan.Role is null)
        {
            return _map.TryGetValue(Key(parts), out var hits) ? hits : [];
        }

        var term = _plan.Role;
        if (request[term.RequestIndex] is not string name || (term.DomainRequestIndex >= 0 && request[term.DomainRequestIndex] is not string))
        {
            return null; // let the matcher report the bad argument
        }

        var domain = term.DomainRequestIndex >= 0 ? (string)request[term.DomainRequestIndex]! : string.Empty;
        int[]? single = null;
        List<int>? merged = null;
        foreach (var role in roles[term.RoleType].Reachable(name, domain))
        {
            parts[^1] = role;
            if (!_map.TryGetValue(Key(parts), out var hits))
            {
                continue;
            }

            if (single is null && merged is null)
            {
                single = hits;
            }
            else
            {
                merged ??= [.. single!];
                merged.AddRange(hits);
            }
        }

        if (merged is null)
        {
            return single ?? [];
        }

        merged.Sort();
        return [.. merged];
    }

    private static string Key(string[] parts) => parts.Length == 1 ? parts[0] : string.Join(Separator, parts);
}
