namespace Hub.Capabilities.Prefill;

/// <summary>One answered item: value, provenance and status. Value and provenance are null unless FILLED or UNCERTAIN.</summary>
/// <param name="Item">The form item.</param>
/// <param name="Status">How it was answered.</param>
/// <param name="Value">The value as text (dates yyyy-MM-dd, 生年月日 as its original text).</param>
/// <param name="SourceSystem">取得元システム of the version the value came from.</param>
/// <param name="AsOf">When the source last changed that version (its source timestamp, UTC).</param>
public sealed record PrefilledItem(FormItem Item, PrefillStatus Status, string? Value = null, string? SourceSystem = null, DateTime? AsOf = null);
