using System.Collections.Concurrent;
using Hub.Policy.Model;

namespace Hub.Policy.Roles;

/// <summary>
/// The role links of one role type (<c>g</c>, <c>g2</c> …), immutable, with Casbin's default role manager semantics:
/// a hierarchy depth limit (10 by default), links per domain, optional pattern matching of role names
/// (a name matching a pattern inherits the pattern's roles, and <c>g(a, b)</c> is true when <c>a</c> matches
/// pattern <c>b</c>) and of domains (links in domain <c>*</c> or <c>task/*</c> apply to matching domains).
/// </summary>
internal sealed class RoleGraph
{
    private const int ReachableCacheLimit = 200_000;
    private readonly Dictionary<string, Dictionary<string, List<string>>> _byDomain;
    private readonly ConcurrentDictionary<string, DomainView> _views = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Name, string Domain), HashSet<string>> _reachable = new();
    private readonly Dictionary<(string Name, string Role, string Domain), Func<bool>> _guards = [];

    public RoleGraph(RoleDefinition definition, IEnumerable<IReadOnlyList<string>> links, Func<string, string, bool>? matching, Func<string, string, bool>? domainMatching, int maxDepth = 10, IReadOnlyList<LinkCondition>? conditions = null)
    {
        Definition = definition;
        Matching = matching;
        DomainMatching = domainMatching;
        MaxDepth = maxDepth;
        _byDomain = new Dictionary<string, Dictionary<string, List<string>>>(StringComparer.Ordinal);
        foreach (var link in links)
        {
            if (link.Count < 2)
            {
                continue;
            }

            var domain = definition.HasDomain && link.Count > 2 ? link[2] : string.Empty;
            if (!_byDomain.TryGetValue(domain, out var graph))
            {
                _byDomain[domain] = graph = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            }

            if (!graph.TryGetValue(link[0], out var roles))
            {
                graph[link[0]] = roles = [];
            }

            if (!roles.Contains(link[1]))
            {
                roles.Add(link[1]);
            }

            AddGuard(link, domain, conditions);
        }
    }

    public RoleDefinition Definition { get; }

    public Func<string, string, bool>? Matching { get; }

    public Func<string, string, bool>? DomainMatching { get; }

    public int MaxDepth { get; }

    /// <summary>Whether some link is conditional (then reachability depends on the moment and is not cached).</summary>
    public bool HasConditions => _guards.Count > 0;

    /// <summary>Casbin's <c>HasLink</c>: whether <paramref name="name"/> has role <paramref name="role"/> in <paramref name="domain"/>, directly or through the hierarchy.</summary>
    public bool HasLink(string name, string role, string domain)
    {
        if (name == role)
        {
            return true;
        }

        if (Matching is null)
        {
            return Reachable(name, domain).Contains(role);
        }

        if (Matching(name, role))
        {
            return true;
        }

        var view = View(domain);
        var frontier = new HashSet<string>(StringComparer.Ordinal) { name };
        for (var level = MaxDepth; level >= 0 && frontier.Count > 0; level--)
        {
            var next = new HashSet<string>(StringComparer.Ordinal);
            foreach (var current in frontier)
            {
                if (current == role || Matching(current, role))
                {
                    return true;
                }

                foreach (var r in view.Neighbours(current, Matching))
                {
                    next.Add(r);
                }
            }

            frontier = next;
        }

        return false;
    }

    /// <summary>Every name <paramref name="name"/> reaches within the depth limit, itself included (no pattern matching of names).</summary>
    public HashSet<string> Reachable(string name, string domain)
    {
        if (!HasConditions && _reachable.TryGetValue((name, domain), out var cached))
        {
            return cached;
        }

        var view = View(domain);
        var result = new HashSet<string>(StringComparer.Ordinal) { name };
        var frontier = new List<string> { name };
        for (var level = MaxDepth; level > 0 && frontier.Count > 0; level--)
        {
            var next = new List<string>();
            foreach (var current in frontier)
            {
                foreach (var r in view.Direct(current))
                {
                    if (result.Add(r))
                    {
                        next.Add(r);
                    }
                }
            }

            frontier = next;
        }

        if (HasConditions)
        {
            return result;
        }

        if (_reachable.Count >= ReachableCacheLimit)
        {
            _reachable.Clear();
        }

        _reachable[(name, domain)] = result;
        return result;
    }

    /// <summary>Roles of <paramref name="name"/> through the hierarchy in breadth-first order, itself excluded.</summary>
    public IReadOnlyList<string> ImplicitRoles(string name, string domain)
    {
        var view = View(domain);
        var seen = new HashSet<string>(StringComparer.Ordinal) { name };
        var order = new List<string>();
        var frontier = new List<string> { name };
        for (var level = MaxDepth; level > 0 && frontier.Count > 0; level--)
        {
            var next = new List<string>();
            foreach (var current in frontier)
            {
                var roles = Matching is null ? view.Direct(current) : view.Neighbours(current, Matching);
                foreach (var r in roles)
                {
                    if (seen.Add(r))
                    {
                        order.Add(r);
                        next.Add(r);
                    }
                }
            }

            frontier = next;
        }

        return order;
    }

    /// <summary>Roles <paramref name="name"/> holds directly in <paramref name="domain"/>.</summary>
    public IReadOnlyList<string> DirectRoles(string name, string domain) => View(domain).Direct(name);

    /// <summary>Names that hold <paramref name="role"/> directly in <paramref name="domain"/>.</summary>
    public IReadOnlyList<string> DirectMembers(string role, string domain) =>
        View(domain).Links.Where(kv => kv.Value.Contains(role)).Select(kv => kv.Key).ToList();

    /// <summary>Every name that appears in a link of any domain.</summary>
    public IEnumerable<string> AllNames() => _byDomain.Values.SelectMany(g => g.Keys.Concat(g.Values.SelectMany(v => v))).Distinct(StringComparer.Ordinal);

    private DomainView View(string domain)
    {
        if (_views.TryGetValue(domain, out var view))
        {
            return view;
        }

        if (DomainMatching is null)
        {
            view = new DomainView(_byDomain.TryGetValue(domain, out var own) ? own : new Dictionary<string, List<string>>(StringComparer.Ordinal), Guards(domain, own));
        }
        else
        {
            var merged = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            var guards = new Dictionary<(string, string), Func<bool>>();
            foreach (var (key, graph) in _byDomain)
            {
                if (key != domain && !DomainMatching(domain, key))
                {
                    continue;
                }

                foreach (var (n, roles) in graph)
                {
                    if (!merged.TryGetValue(n, out var list))
                    {
                        merged[n] = list = [];
                    }

                    foreach (var r in roles.Where(r => !list.Contains(r)))
                    {
                        list.Add(r);
                    }

                    foreach (var r in roles)
                    {
                        if (_guards.TryGetValue((n, r, key), out var guard))
                        {
                            guards.TryAdd((n, r), guard);
                        }
                    }
                }
            }

            view = new DomainView(merged, guards);
        }

        if (_views.Count > 10_000)
        {
            _views.Clear();
        }

        _views[domain] = view;
        return view;
    }

    private Dictionary<(string, string), Func<bool>> Guards(string domain, Dictionary<string, List<string>>? graph)
    {
        var guards = new Dictionary<(string, string), Func<bool>>();
        if (graph is null || _guards.Count == 0)
        {
            return guards;
        }

        foreach (var (name, roles) in graph)
        {
            foreach (var role in roles)
            {
                if (_guards.TryGetValue((name, role, domain), out var guard))
                {
                    guards[(name, role)] = guard;
                }
            }
        }

        return guards;
    }

    private void AddGuard(IReadOnlyList<string> link, string domain, IReadOnlyList<LinkCondition>? conditions)
    {
        if (Definition.ConditionArity == 0 || conditions is null)
        {
            return; // as Go: only role types declared with condition places use conditions
        }

        var condition = conditions.FirstOrDefault(c => c.Name == link[0] && c.Role == link[1] && (c.Domain ?? string.Empty) == domain);
        if (condition is null)
        {
            return;
        }

        var values = link.Skip(Definition.Arity).ToArray();
        var check = condition.Condition;
        _guards[(link[0], link[1], domain)] = () => check(values);
    }
}
