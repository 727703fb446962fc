using Hub.Policy.Catalog;
using Hub.Policy.Enforcement;
using Hub.Policy.Functions;
using Hub.Policy.Masks;
using Hub.Policy.Ordinances;

namespace Hub.Policy.Invariants;

/// <summary>
/// Checks a policy against the invariants exhaustively: every subject (each role named by a <c>p</c> or <c>g</c> line, and
/// each staff user of a <c>g</c> line) × every task (of the policy and the ordinance table) × every catalog field × every
/// action the invariant names. A role is decided as a subject of its own (Casbin lets a name hold itself), which is the
/// most any user holding only that role gets; a user is decided with all its roles, so deny lines are respected.
/// </summary>
public static class InvariantChecker
{
    private static readonly string[] ActionNames = ["read", "extract", "lookup"];

    /// <summary>One violation (the first counterexample, with the count) per violated invariant; empty when all hold.</summary>
    public static IReadOnlyList<InvariantViolation> Check(Enforcer enforcer, FieldCatalog catalog, InvariantSet invariants, OrdinanceTable? ordinances = null)
    {
        ArgumentNullException.ThrowIfNull(enforcer);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(invariants);
        if (invariants.Invariants.Count == 0)
        {
            return [];
        }

        var policy = enforcer.GetPolicy();
        var grouping = enforcer.GetGroupingPolicy().Where(g => g.Count >= 3).ToList();
        var roles = policy.Select(p => p[0]).Concat(grouping.Select(g => g[1])).Distinct(StringComparer.Ordinal).ToList();
        var users = grouping.Select(g => g[0]).Distinct(StringComparer.Ordinal).ToList();
        var tasks = policy.Where(p => p.Count > 1).Select(p => p[1])
            .Concat(grouping.Select(g => g[2]))
            .Concat(ordinances?.Entries.Select(e => e.Task) ?? [])
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var masks = new Dictionary<(string, string), FieldMask>();
        FieldMask Mask(string subject, string task) =>
            masks.TryGetValue((subject, task), out var m) ? m : masks[(subject, task)] = new FieldMask(enforcer, subject, task, "invariants", catalog.Paths);

        var violations = new List<InvariantViolation>();
        foreach (var invariant in invariants.Invariants)
        {
            InvariantViolation? first = null;
            var count = 0;
            var fields = catalog.Paths.Where(p => invariant.Fields.Any(f => BuiltInFunctions.KeyMatch(p, f))).ToList();
            foreach (var task in tasks)
            {
                foreach (var subject in roles.Concat(users))
                {
                    if (!SubjectMatches(enforcer, invariant, subject, task, users))
                    {
                        continue;
                    }

                    var mask = Mask(subject, task);
                    foreach (var field in fields)
                    {
                        foreach (var action in invariant.Actions)
                        {
                            if (!TaskMatches(invariant, task, field, action, ordinances))
                            {
                                continue;
                            }

                            var decision = mask.Explain(field, (FieldAction)Array.IndexOf(ActionNames, action));
                            if (decision.Allowed)
                            {
                                count++;
                                first ??= new InvariantViolation(invariant, subject, task, field, action, decision.Rule, 0);
                            }
                        }
                    }
                }
            }

            if (first is not null)
            {
                violations.Add(first with { Count = count });
            }
        }

        return violations;
    }

    private static bool SubjectMatches(Enforcer enforcer, PolicyInvariant invariant, string subject, string task, List<string> users)
    {
        if (invariant.Subjects.Any(s => s == "*" || BuiltInFunctions.KeyMatch(subject, s)))
        {
            return true;
        }

        return users.Contains(subject) && enforcer.GetImplicitRolesForUser(subject, task).Any(r => invariant.Subjects.Any(s => BuiltInFunctions.KeyMatch(r, s)));
    }

    private static bool TaskMatches(PolicyInvariant invariant, string task, string field, string action, OrdinanceTable? ordinances) =>
        invariant.Tasks.Any(t => t switch
        {
            "*" => true,
            PolicyInvariant.OutsideOrdinance => ordinances is null
                || !ordinances.Entries.Any(e => e.Task == task && e.Actions.Contains(action) && BuiltInFunctions.KeyMatch(field, e.Field)),
            _ => BuiltInFunctions.KeyMatch(task, t),
        });
}
