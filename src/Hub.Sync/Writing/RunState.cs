namespace Hub.Sync.Writing;

/// <summary>
/// What one run learns once and reuses for its batches: which tables held no record of this source when the
/// run started. Into such a table every key of the run is new (the run quarantines repeated keys), so its
/// batches need no lookup of latest versions — the first full load of a source writes without reading. And
/// whether the source may have open quarantine entries that a loaded record would resolve.
/// </summary>
internal sealed class RunState
{
    /// <summary>
    /// True when the source had unresolved quarantine entries at the start of the run, or the run has quarantined
    /// a row with a source key since; while false, batches skip resolving entries.
    /// </summary>
    public bool MayHaveOpenQuarantine { get; set; }

    private readonly Dictionary<RecordScope, bool> _emptyAtStart = [];

    public Task<bool> WasEmptyAtStartAsync(Type table, Func<Task<bool>> isEmpty) => WasEmptyAtStartAsync(new RecordScope(table.Name), isEmpty);

    /// <summary>Whether <paramref name="table"/> (a typed table, or one kind of the generic table) held nothing of the source at the start.</summary>
    public async Task<bool> WasEmptyAtStartAsync(RecordScope table, Func<Task<bool>> isEmpty)
    {
        if (!_emptyAtStart.TryGetValue(table, out var empty))
        {
            empty = await isEmpty().ConfigureAwait(false);
            _emptyAtStart[table] = empty;
        }

        return empty;
    }
}
