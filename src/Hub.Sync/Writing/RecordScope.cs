namespace Hub.Sync.Writing;

/// <summary>
/// The part of a versioned table that one source's records live in: the whole table for a typed kind, one kind's rows of
/// the generic table. Whether it was empty at the start of a run, and which latest version a key has, are asked within it.
/// </summary>
/// <param name="Table">The table, e.g. <c>nhi_qualifications</c> or <c>generic_records</c>.</param>
/// <param name="Kind">The kind within the generic table; null for a typed table.</param>
internal readonly record struct RecordScope(string Table, string? Kind = null)
{
    public override string ToString() => Kind is null ? Table : Table + ":" + Kind;
}
