namespace Hub.Sync.Writing;

/// <summary>
/// What one run learns once and reuses for its batches: which tables held no record of this source when the
/// run started. Into such a table every key of the run is new (the run quarantines repeated keys), so its
/// batches need no lookup of latest versions — the first full load of a source writes without reading.
/// </summary>
internal sealed class RunState
{
    private readonly Dictionary<Type, bool> _emptyAtStart = [];

    public async Task<bool> WasEmptyAtStartAsync(Type table, Func<Task<bool>> isEmpty)
    {
        if (!_emptyAtStart.TryGetValue(table, out var empty))
        {
            empty = await isEmpty().ConfigureAwait(false);
            _emptyAtStart[table] = empty;
        }

        return empty;
    }
}
