using Hub.Policy.Model;
using Hub.Policy.Persistence;

namespace Hub.Policy.Ordinances;

/// <summary>
/// 条例・別表の表: the (task, specific personal information, legal basis) table privacy officers keep as CSV with the
/// header <c>task,field,actions,basis</c> (<c>actions</c> separated by <c>|</c>, e.g. <c>read|lookup</c>). It is the
/// allow-list of 番号法 第9条: it compiles into policy lines, and <see cref="OrdinanceChecker"/> reports where a live
/// policy and the table disagree.
/// </summary>
public sealed class OrdinanceTable
{
    private OrdinanceTable(IReadOnlyList<OrdinanceEntry> entries, string text) => (Entries, Text) = (entries, text);

    /// <summary>The rows, in file order.</summary>
    public IReadOnlyList<OrdinanceEntry> Entries { get; }

    /// <summary>The text the table was parsed from, comments included (edits keep them).</summary>
    public string Text { get; }

    /// <summary>Parses the CSV (Casbin quoting rules; <c>#</c> comments). Throws <see cref="PolicyFormatException"/> with the line.</summary>
    public static OrdinanceTable Parse(string text, string source = "ordinances.csv")
    {
        var rows = PolicyCsvReader.Parse(text, source);
        var entries = new List<OrdinanceEntry>();
        foreach (var row in rows)
        {
            var values = new[] { row.Type }.Concat(row.Values).ToArray();
            if (values[0] == "task")
            {
                continue; // header
            }

            if (values.Length != 4 || values.Any(v => v.Trim().Length == 0))
            {
                throw new PolicyFormatException(source, row.Line, 1, "expected task,field,actions,basis");
            }

            entries.Add(new OrdinanceEntry(values[0].Trim(), values[1].Trim(), values[2].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), values[3].Trim(), row.Line));
        }

        return new OrdinanceTable(entries, text);
    }

    /// <summary>
    /// Policy lines for the hub's model (<c>p, role, task, field, action, allow, basis</c>), one per entry and action,
    /// granted to the role <paramref name="roleForTask"/> names for each task.
    /// </summary>
    public IReadOnlyList<PolicyRule> ToPolicyRules(Func<string, string> roleForTask)
    {
        ArgumentNullException.ThrowIfNull(roleForTask);
        return Entries.SelectMany(e => e.Actions.Select(a => new PolicyRule("p", [roleForTask(e.Task), e.Task, e.Field, a, "allow", e.LegalBasis], e.Line))).ToList();
    }
}
