using Hub.Policy.Checking;
using Hub.Policy.Functions;
using Hub.Policy.Model;
using Hub.Policy.Ordinances;

namespace Hub.Policy.Administration;

/// <summary>
/// Draft editing in the officers' terms: the draft's 条例・別表の表 (ordinance table). Each version carries its own table
/// (<see cref="PolicyVersion.OrdinancesText"/>; null is the table from the file), its checks and invariants use it, and
/// publishing the version makes it the table in force.
/// </summary>
public sealed partial class PolicyAdministration
{
    private static readonly string[] OrdinanceActions = ["read", "extract", "lookup"];

    /// <summary>The ordinance table a version is checked against: its own, or the file's; null when there is none.</summary>
    public OrdinanceTable? OrdinancesOf(PolicyVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return version.OrdinancesText is { } text ? OrdinanceTable.Parse(text, OrdinancesSource(version)) : ordinances;
    }

    /// <summary>
    /// Adds a row (事務, 項目 or keyMatch pattern, actions, 法的根拠) to draft <paramref name="number"/>'s ordinance table.
    /// The reason and the basis are required; the field pattern must match the catalog and the actions must be
    /// read / extract / lookup (<see cref="ArgumentException"/> naming the argument).
    /// </summary>
    public async Task<PolicyVersion> AddOrdinanceRowAsync(int number, string actor, string reason, string task, string field, IReadOnlyList<string> actions, string basis, CancellationToken cancellationToken = default)
    {
        RequireReason(reason);
        ArgumentNullException.ThrowIfNull(actions);
        if (string.IsNullOrWhiteSpace(task) || task.Any(c => c is ',' or '"' or '\n' or '\r'))
        {
            throw new ArgumentException("task (事務) is required and may not contain a comma, quote or line break", nameof(task));
        }

        if (string.IsNullOrWhiteSpace(basis))
        {
            throw new ArgumentException("a legal basis (法的根拠) is required for an ordinance row", nameof(basis));
        }

        if (string.IsNullOrWhiteSpace(field) || !MatchesCatalog(field.Trim()))
        {
            throw new ArgumentException("field (項目) must be a catalog field path or a pattern that matches one", nameof(field));
        }

        var cleanActions = actions.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (cleanActions.Count == 0 || cleanActions.Any(a => !OrdinanceActions.Contains(a, StringComparer.Ordinal)))
        {
            throw new ArgumentException("actions must be one or more of read, extract, lookup", nameof(actions));
        }

        var draft = await RequireDraftAsync(number, cancellationToken).ConfigureAwait(false);
        // The row is appended to the table's text, so its comments (条例の条番号, 改正履歴 …) stay as the officers wrote them.
        var text = OrdinancesOf(draft)?.Text is { Length: > 0 } current ? current.TrimEnd('\r', '\n') + "\n" : ToCsv([]);
        var row = ToCsv([new OrdinanceEntry(task.Trim(), field.Trim(), cleanActions, basis.Trim(), 0)])[ToCsv([]).Length..];
        return await SaveOrdinancesAsync(draft, actor, reason, $"ordinance table: add {task.Trim()} {field.Trim()}", text + row, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes the rows for (<paramref name="task"/>, <paramref name="field"/>) from draft <paramref name="number"/>'s
    /// ordinance table, with a reason. <see cref="KeyNotFoundException"/> when the table has no such row.
    /// </summary>
    public async Task<PolicyVersion> RemoveOrdinanceRowAsync(int number, string actor, string reason, string task, string field, CancellationToken cancellationToken = default)
    {
        RequireReason(reason);
        var draft = await RequireDraftAsync(number, cancellationToken).ConfigureAwait(false);
        var table = OrdinancesOf(draft);
        var gone = (table?.Entries ?? []).Where(r => r.Task == task?.Trim() && r.Field == field?.Trim()).Select(r => r.Line).ToHashSet();
        if (gone.Count == 0)
        {
            throw new KeyNotFoundException($"the ordinance table of version {number} has no row for that task and field");
        }

        // Only the row's own lines go; every other line, comments included, stays as written.
        var lines = table!.Text.Split('\n');
        var kept = string.Join('\n', lines.Where((_, i) => !gone.Contains(i + 1)));
        return await SaveOrdinancesAsync(draft, actor, reason, $"ordinance table: remove {task!.Trim()} {field!.Trim()}", kept, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Replaces draft <paramref name="number"/>'s whole ordinance table (CSV <c>task,field,actions,basis</c>), with a
    /// reason. Text that does not parse, or whose rows name no catalog field, is refused with
    /// <see cref="PolicyDraftRejectedException"/> naming the line; the draft stays as it was.
    /// </summary>
    public async Task<PolicyVersion> ReplaceOrdinancesAsync(int number, string actor, string reason, string ordinancesText, CancellationToken cancellationToken = default)
    {
        RequireReason(reason);
        ArgumentNullException.ThrowIfNull(ordinancesText);
        var draft = await RequireDraftAsync(number, cancellationToken).ConfigureAwait(false);
        var source = OrdinancesSource(draft);
        OrdinanceTable table;
        try
        {
            table = OrdinanceTable.Parse(ordinancesText, source);
        }
        catch (PolicyFormatException ex)
        {
            throw new PolicyDraftRejectedException(number, [new PolicyDiagnostic(DiagnosticSeverity.Error, source, ex.Line, ex.Column, ex.Problem)]);
        }

        var problems = new List<PolicyDiagnostic>();
        foreach (var entry in table.Entries)
        {
            if (!MatchesCatalog(entry.Field))
            {
                problems.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, source, entry.Line, 2, $"field '{entry.Field}' matches no catalog field"));
            }

            if (entry.Actions.Count == 0 || entry.Actions.Any(a => !OrdinanceActions.Contains(a, StringComparer.Ordinal)))
            {
                problems.Add(new PolicyDiagnostic(DiagnosticSeverity.Error, source, entry.Line, 3, "actions must be read, extract or lookup, separated by |"));
            }
        }

        if (problems.Count > 0)
        {
            throw new PolicyDraftRejectedException(number, problems);
        }

        return await SaveOrdinancesAsync(draft, actor, reason, "ordinance table: replaced", ordinancesText, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Rows as CSV with the header (a new table; edits of an existing one keep its text).</summary>
    public static string ToCsv(IEnumerable<OrdinanceEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        static string Quote(string value) => value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal)
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : value;
        return "task,field,actions,basis\n" + string.Concat(entries.Select(e => $"{Quote(e.Task)},{Quote(e.Field)},{string.Join('|', e.Actions)},{Quote(e.LegalBasis)}\n"));
    }

    private bool MatchesCatalog(string pattern) =>
        pattern.Contains('*', StringComparison.Ordinal) ? catalog.Paths.Any(p => BuiltInFunctions.KeyMatch(p, pattern)) : catalog.Contains(pattern);

    private static string OrdinancesSource(PolicyVersion version) => version.OrdinancesText is null ? "ordinances.csv" : $"v{version.Number}/ordinances.csv";

    private async Task<PolicyVersion> RequireDraftAsync(int number, CancellationToken cancellationToken)
    {
        var draft = await RequireAsync(number, cancellationToken).ConfigureAwait(false);
        return draft.State == PolicyVersionState.Draft ? draft : throw new InvalidOperationException($"version {number} is not a draft");
    }

    private Task<PolicyVersion> SaveOrdinancesAsync(PolicyVersion draft, string actor, string reason, string what, string text, CancellationToken cancellationToken) =>
        store.UpdateDraftAsync(draft with { OrdinancesText = text, Author = actor, CreatedAt = timeProvider.GetUtcNow(), Reason = reason }, actor, $"{what}: {reason}", cancellationToken);
}
