using Hub.Capabilities.PushTargets;

namespace Hub.Api.GraphQL.PushTargets;

/// <summary>
/// The source of a <c>pushTargets</c> connection: one page of rows, and the total count as a query that runs only when
/// the selection asks for <c>totalCount</c> (a full count can cost more than the page).
/// </summary>
/// <param name="Rows">At most <c>first</c> rows, in keyset order.</param>
/// <param name="EndCursor">Cursor of the last row; null on an empty page.</param>
/// <param name="HasNextPage">Whether rows follow <paramref name="EndCursor"/>.</param>
/// <param name="Count">Counts every selected resident; called once per <c>totalCount</c> in the selection.</param>
internal sealed record PushTargetConnection(IReadOnlyList<PushTargetRow> Rows, string? EndCursor, bool HasNextPage, Func<CancellationToken, Task<int>> Count);
