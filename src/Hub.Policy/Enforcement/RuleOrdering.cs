namespace Hub.Policy.Enforcement;

/// <summary>Casbin's rule orderings: by an explicit <c>priority</c> column, and by the subject's depth in the role hierarchy (<c>subjectPriority</c>).</summary>
internal static class RuleOrdering
{
    /// <summary>Stable sort by the integer in <paramref name="priorityIndex"/>, lowest (most important) first, as Go's <c>SortPoliciesByPriority</c>.</summary>
    public static List<string[]> ByPriority(List<string[]> rows, int priorityIndex) =>
        rows.Select((row, i) => (row, i))
            .OrderBy(x => x.row.Length > priorityIndex && int.TryParse(x.row[priorityIndex], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var p) ? p : int.MaxValue)
            .ThenBy(x => x.i)
            .Select(x => x.row)
            .ToList();

    /// <summary>
    /// Go's <c>SortPoliciesBySubjectHierarchy</c>: each subject's level below the roots of the <c>g</c> hierarchy
    /// (per domain when the policy has a <c>dom</c> column); deeper subjects (more specific) come first.
    /// </summary>
    public static List<string[]> BySubjectHierarchy(List<string[]> rows, IReadOnlyList<string[]> groupingRules, int domainIndex)
    {
        var levels = new Dictionary<string, int>(StringComparer.Ordinal);
        var children = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var rule in groupingRules.Where(r => r.Length >= 2))
        {
            var domain = rule.Length > 2 ? rule[2] : string.Empty;
            var child = domain + "::" + rule[0];
            var parent = domain + "::" + rule[1];
            if (!children.TryGetValue(parent, out var list))
            {
                children[parent] = list = [];
            }

            list.Add(child);
            levels.TryAdd(parent, 0);
            levels[child] = 1;
        }

        foreach (var root in levels.Where(kv => kv.Value == 0).Select(kv => kv.Key).ToList())
        {
            var queue = new List<string> { root };
            for (var level = 0; queue.Count > 0 && level <= 1000; level++)
            {
                var next = new List<string>();
                foreach (var node in queue)
                {
                    levels[node] = level;
                    if (children.TryGetValue(node, out var kids))
                    {
                        next.AddRange(kids);
                    }
                }

                queue = next;
            }
        }

        int Level(string[] row)
        {
            var domain = domainIndex >= 0 && row.Length > domainIndex ? row[domainIndex] : string.Empty;
            return row.Length > 0 && levels.TryGetValue(domain + "::" + row[0], out var l) ? l : 0;
        }

        return rows.Select((row, i) => (row, i)).OrderByDescending(x => Level(x.row)).ThenBy(x => x.i).Select(x => x.row).ToList();
    }
}
