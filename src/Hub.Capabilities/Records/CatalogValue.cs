namespace Hub.Capabilities.Records;

/// <summary>A catalog field's value as text, and whether it is uncertain (a date that is partly unknown or off the calendar).</summary>
/// <param name="Text">The value as text (dates <c>yyyy-MM-dd</c>, 生年月日 as its original text); null when absent.</param>
/// <param name="Uncertain">True when the clerk should confirm it with the resident.</param>
public readonly record struct CatalogValue(string? Text, bool Uncertain = false);
