using Hub.Policy.Catalog;
using Hub.Policy.Checking;
using Hub.Policy.Functions;
using Hub.Policy.Persistence;

namespace Hub.Policy.Ordinances;

/// <summary>
/// Where a live policy (the hub's model: <c>sub, dom, obj, act, eft, basis</c>) and the ordinance table disagree:
/// an allow on a 個人番号 field for a (task, action) the table does not list is an error — 番号法 第9条 forbids it;
/// a table row no policy line grants is a warning; a granting line whose legal basis differs from the table's is a warning.
/// </summary>
public static class OrdinanceChecker
{
    /// <summary>Compares <paramref name="rules"/> with <paramref name="table"/>; <paramref name="catalog"/> says which fields are 個人番号.</summary>
    public static IReadOnlyList<PolicyDiagnostic> Check(IReadOnlyList<PolicyRule> rules, string policySource, OrdinanceTable table, string tableSource, FieldCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(catalog);
        var diagnostics = new List<PolicyDiagnostic>();
        var myNumberFields = catalog.Paths.Where(p => catalog.Classification(p) == FieldCatalog.MyNumberClassification).ToList();
        var allows = rules.Where(r => r.Type == "p" && r.Values.Count >= 6 && r.Values[4] == "allow").ToList();

        var denies = rules.Where(r => r.Type == "p" && r.Values.Count >= 6 && r.Values[4] == "deny").ToList();
        var cited = new HashSet<(string Task, string Field, string Action)>();
        foreach (var rule in allows)
        {
            var (subject, task, pattern, action) = (rule.Values[0], rule.Values[1], rule.Values[2], rule.Values[3]);
            foreach (var field in myNumberFields.Where(f => BuiltInFunctions.KeyMatch(f, pattern)))
            {
                // A deny of the same role, task and action overrides this allow (deny overrides), so it grants nothing.
                if (denies.Any(d => d.Values[0] == subject && d.Values[1] == task && d.Values[3] == action && BuiltInFunctions.KeyMatch(field, d.Values[2])))
                {
                    continue;
                }

                var entry = table.Entries.FirstOrDefault(e => e.Task == task && BuiltInFunctions.KeyMatch(field, e.Field) && e.Actions.Contains(action));
                if (entry is null)
                {
                    diagnostics.Add(new(DiagnosticSeverity.Error, policySource, rule.Line, 1, $"allows {action} of '{field}' (個人番号) in task '{task}', which the ordinance table does not list (番号法 第9条)"));
                }
                else if (cited.Add((task, field, action)) && entry.LegalBasis != rule.Values[5])
                {
                    // Only the first granting line is the one an explanation cites; later (e.g. wildcard) lines are not compared.
                    diagnostics.Add(new(DiagnosticSeverity.Warning, policySource, rule.Line, 1, $"legal basis '{rule.Values[5]}' differs from the ordinance table's '{entry.LegalBasis}' ({tableSource} line {entry.Line})"));
                }
            }
        }

        foreach (var entry in table.Entries)
        {
            foreach (var action in entry.Actions)
            {
                if (!allows.Any(r => r.Values[1] == entry.Task && r.Values[3] == action && (r.Values[2] == entry.Field || BuiltInFunctions.KeyMatch(entry.Field, r.Values[2]))))
                {
                    diagnostics.Add(new(DiagnosticSeverity.Warning, tableSource, entry.Line, 1, $"the table lists {action} of '{entry.Field}' in task '{entry.Task}', but no policy line grants it"));
                }
            }
        }

        return diagnostics;
    }
}
