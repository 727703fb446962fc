namespace Hub.Capabilities.Intake;

/// <summary>
/// What the applicant types: the value of one form item the hub could not fill (UNAVAILABLE, UNCERTAIN, WITHHELD) or a
/// correction of a pre-filled one. Without <see cref="Form"/>, it answers the item of that id on every form of the case
/// (typed once, e.g. 電話番号).
/// </summary>
/// <param name="Item">The item id (e.g. <c>phone</c>).</param>
/// <param name="Value">The value.</param>
/// <param name="Form">The form id, or null for every form with the item.</param>
public sealed record IntakeAnswer(string Item, string Value, string? Form = null);
