namespace Hub.Capabilities.PushTargets;

/// <summary>One page of a push-target result (a cursor connection).</summary>
/// <param name="Rows">At most <c>first</c> rows, in keyset order.</param>
/// <param name="TotalCount">Residents the criteria select in all.</param>
/// <param name="EndCursor">Cursor of the last row (pass as <c>after</c>); null on an empty page.</param>
/// <param name="HasNextPage">Whether rows follow <see cref="EndCursor"/>.</param>
public sealed record PushTargetPage(IReadOnlyList<PushTargetRow> Rows, int TotalCount, string? EndCursor, bool HasNextPage);
