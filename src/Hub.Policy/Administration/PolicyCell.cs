namespace Hub.Policy.Administration;

/// <summary>One cell of the 事務 × 項目 matrix: a role in a task, a catalog field, an action.</summary>
/// <param name="Role">The role (e.g. <c>role:tax-clerk</c>).</param>
/// <param name="Task">The task code (事務コード).</param>
/// <param name="Field">The catalog path.</param>
/// <param name="Action">read, extract or lookup.</param>
public sealed record PolicyCell(string Role, string Task, string Field, string Action)
{
    /// <summary>The actions a cell can name.</summary>
    public static readonly IReadOnlyList<string> Actions = ["read", "extract", "lookup"];

    /// <summary>Every problem with the cell's parts, naming the part (empty when usable).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var (name, value) in new[] { ("role", Role), ("task", Task), ("field", Field), ("action", Action) })
        {
            if (string.IsNullOrWhiteSpace(value) || value.Contains(',', StringComparison.Ordinal) || value.Contains('\n', StringComparison.Ordinal))
            {
                problems.Add($"{name} must be a non-empty name without commas or line breaks");
            }
        }

        if (!Actions.Contains(Action))
        {
            problems.Add("action must be read, extract or lookup");
        }

        return problems;
    }
}
