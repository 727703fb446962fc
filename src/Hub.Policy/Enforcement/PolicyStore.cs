using System.Collections.Concurrent;
using Hub.Policy.Indexing;
using Hub.Policy.Roles;

namespace Hub.Policy.Enforcement;

/// <summary>
/// An immutable snapshot of the loaded rules (in decision order), the role graphs built from them and the indexes
/// built lazily per decision plan. A policy change builds a new snapshot and swaps it in atomically, so a decision
/// always sees one consistent version.
/// </summary>
internal sealed class PolicyStore(IReadOnlyDictionary<string, IReadOnlyList<string[]>> rows, RoleGraph[] roles)
{
    private readonly ConcurrentDictionary<DecisionPlan, PolicyIndex> _indexes = new();

    public RoleGraph[] Roles { get; } = roles;

    public IReadOnlyList<string[]> Rows(string type) => rows.TryGetValue(type, out var list) ? list : [];

    public PolicyIndex Index(DecisionPlan plan) => _indexes.GetOrAdd(plan, p => PolicyIndex.Build(p.Index!, Rows(p.Context.PolicyType)));

    private readonly ConcurrentDictionary<(string Type, int Arity), bool> _badRows = new();

    /// <summary>Whether some rule of <paramref name="type"/> has a different number of values than the definition (Casbin fails such decisions).</summary>
    public bool HasBadRows(string type, int arity) => _badRows.GetOrAdd((type, arity), k => Rows(k.Type).Any(r => r.Length != k.Arity));
}
