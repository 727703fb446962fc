using Hub.Policy.Functions;
using Hub.Policy.Persistence;

namespace Hub.Policy.Administration;

/// <summary>
/// Grants and revokes one matrix cell by editing the policy CSV text the way an officer would by hand: comments and every
/// other line stay as they are, so the raw CSV view and the matrix always show the same draft. Assumes the hub's model
/// (<c>p = sub, dom, obj, act, eft, basis</c>).
/// </summary>
public static class PolicyCellEdit
{
    /// <summary>
    /// Allows the cell with <paramref name="basis"/>: a deny line for exactly the cell is removed, an allow line for
    /// exactly the cell gets the new basis, else an allow line is appended.
    /// </summary>
    public static string Grant(string policyText, PolicyCell cell, string basis)
    {
        ArgumentNullException.ThrowIfNull(cell);
        RequireBasis(basis);
        var rules = PolicyCsvReader.Parse(policyText);
        var drop = rules.Where(r => Exactly(r, cell) && Effect(r) == "deny").Select(r => r.Line).ToHashSet();
        var replace = rules.Where(r => Exactly(r, cell) && Effect(r) == "allow").Select(r => r.Line).ToHashSet();
        var line = Line(cell, "allow", basis);
        var lines = Edit(policyText, drop, replace, line);
        if (replace.Count == 0)
        {
            lines.Add(line);
        }

        return Join(lines);
    }

    /// <summary>
    /// Refuses the cell: allow lines for exactly the cell are removed; when a wildcard line (e.g. <c>tax.*</c>) still
    /// allows it, a deny line with <paramref name="basis"/> is appended (a deny overrides any allow).
    /// </summary>
    public static string Revoke(string policyText, PolicyCell cell, string basis)
    {
        ArgumentNullException.ThrowIfNull(cell);
        RequireBasis(basis);
        var rules = PolicyCsvReader.Parse(policyText);
        var drop = rules.Where(r => Exactly(r, cell) && Effect(r) == "allow").Select(r => r.Line).ToHashSet();
        var lines = Edit(policyText, drop, [], string.Empty);
        var stillAllowed = rules.Any(r => !drop.Contains(r.Line) && r.Type == "p" && r.Values.Count >= 5 && r.Values[0] == cell.Role && r.Values[1] == cell.Task
            && r.Values[3] == cell.Action && Effect(r) == "allow" && BuiltInFunctions.KeyMatch(cell.Field, r.Values[2]));
        var denied = rules.Any(r => Exactly(r, cell) && Effect(r) == "deny");
        if (stillAllowed && !denied)
        {
            lines.Add(Line(cell, "deny", basis));
        }

        return Join(lines);
    }

    /// <summary>
    /// Gives <paramref name="user"/> <paramref name="role"/> in <paramref name="task"/> (a <c>g</c> line), or takes it
    /// away (<paramref name="assign"/> false): how a new role or task reaches the staff who work in it.
    /// </summary>
    public static string AssignRole(string policyText, string user, string role, string task, bool assign)
    {
        foreach (var (name, value) in new[] { ("user", user), ("role", role), ("task", task) })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Contains(',', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
            {
                throw new ArgumentException($"{name} must be a non-empty name without commas or line breaks", name);
            }
        }

        var rules = PolicyCsvReader.Parse(policyText);
        var existing = rules.Where(r => r.Type == "g" && r.Values.Count >= 3 && r.Values[0] == user.Trim() && r.Values[1] == role.Trim() && r.Values[2] == task.Trim()).Select(r => r.Line).ToHashSet();
        var lines = Edit(policyText, assign ? [] : existing, [], string.Empty);
        if (assign && existing.Count == 0)
        {
            lines.Add(new PolicyRule("g", [user.Trim(), role.Trim(), task.Trim()]).ToString());
        }

        return Join(lines);
    }

    private static void RequireBasis(string basis)
    {
        if (string.IsNullOrWhiteSpace(basis))
        {
            throw new ArgumentException("a legal basis (法的根拠) is required for every change of a cell", nameof(basis));
        }
    }

    private static string Line(PolicyCell cell, string effect, string basis) =>
        new PolicyRule("p", [cell.Role, cell.Task, cell.Field, cell.Action, effect, basis.Trim()]).ToString();

    private static bool Exactly(PolicyRule r, PolicyCell cell) =>
        r.Type == "p" && r.Values.Count >= 5 && r.Values[0] == cell.Role && r.Values[1] == cell.Task && r.Values[2] == cell.Field && r.Values[3] == cell.Action;

    private static string Effect(PolicyRule r) => r.Values.Count >= 5 ? r.Values[4] : string.Empty;

    private static List<string> Edit(string text, HashSet<int> drop, HashSet<int> replace, string replacement)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').ToList();
        var result = new List<string>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (drop.Contains(i + 1))
            {
                continue;
            }

            result.Add(replace.Contains(i + 1) ? replacement : lines[i]);
        }

        while (result.Count > 0 && result[^1].Length == 0)
        {
            result.RemoveAt(result.Count - 1);
        }

        return result;
    }

    private static string Join(List<string> lines) => string.Join('\n', lines) + "\n";
}
