namespace Hub.Adapters.Outbound;

/// <summary>One item of a delivered leg's form.</summary>
/// <param name="Section">applicant, spouse or member.</param>
/// <param name="Subject">宛名番号 of the person the item is about.</param>
/// <param name="Id">Item id.</param>
/// <param name="Label">The label on the paper form.</param>
/// <param name="Path">Catalog path, or null for an item only the applicant answers.</param>
/// <param name="Status">FILLED, UNCERTAIN, TYPED, UNAVAILABLE, WITHHELD or NOT_APPLICABLE.</param>
/// <param name="Value">The value, when there is one the task may read.</param>
/// <param name="Source">The value's source system, or applicant.</param>
public sealed record LegDeliveryItem(string Section, string? Subject, string Id, string Label, string? Path, string Status, string? Value, string? Source);
