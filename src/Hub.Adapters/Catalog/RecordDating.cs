namespace Hub.Adapters.Catalog;

/// <summary>
/// 有効期間: the date fields of a record kind that open and close a record's validity (<c>x-hub-dating</c>), e.g. 認定有効期間
/// 開始/終了 or 資格取得日/喪失日. A record is valid on a day d when <c>from ≤ d</c> and, with an inclusive end (有効期間の終了日),
/// <c>d ≤ to</c>, or with an exclusive one (喪失日: the first day no longer covered), <c>d &lt; to</c>. A missing from means
/// valid since always; a missing to, valid still.
/// </summary>
/// <param name="From">Name of the date field that opens validity.</param>
/// <param name="To">Name of the date field that closes it, when the kind has one.</param>
/// <param name="ToInclusive">Whether <paramref name="To"/> is the last valid day (true) or the first day no longer valid (false, the default).</param>
public sealed record RecordDating(string From, string? To, bool ToInclusive);
