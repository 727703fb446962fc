using Hub.Policy.Catalog;
using Hub.Policy.Enforcement;
using Hub.Policy.Masks;

namespace Hub.Policy.Administration;

/// <summary>
/// 事務 × 項目: for a version, one row per (task, role) the policy names, one column per catalog field, each cell the
/// decisions for read, extract and lookup with the legal basis of the deciding rule. A role is decided as a subject of
/// its own (what a user holding only that role gets).
/// </summary>
public static class PolicyMatrix
{
    /// <summary>Builds the rows, optionally only for roles and fields that contain the given text.</summary>
    public static IReadOnlyList<PolicyMatrixRow> Build(Enforcer enforcer, FieldCatalog catalog, string? roleFilter = null, string? fieldFilter = null)
    {
        ArgumentNullException.ThrowIfNull(enforcer);
        ArgumentNullException.ThrowIfNull(catalog);
        var fields = catalog.Paths.Where(p => string.IsNullOrWhiteSpace(fieldFilter) || p.Contains(fieldFilter.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        var pairs = enforcer.GetPolicy().Where(p => p.Count >= 2).Select(p => (Task: p[1], Role: p[0]))
            .Where(p => string.IsNullOrWhiteSpace(roleFilter) || p.Role.Contains(roleFilter.Trim(), StringComparison.OrdinalIgnoreCase))
            .Distinct()
            .OrderBy(p => p.Task, StringComparer.Ordinal).ThenBy(p => p.Role, StringComparer.Ordinal);
        return pairs.Select(p =>
        {
            var mask = new FieldMask(enforcer, p.Role, p.Task, "matrix", fields);
            var cells = fields.ToDictionary(f => f, f => (IReadOnlyList<FieldDecision>)Enum.GetValues<FieldAction>().Select(a => mask.Explain(f, a)).ToList(), StringComparer.Ordinal);
            return new PolicyMatrixRow(p.Task, p.Role, cells);
        }).ToList();
    }
}
