namespace Hub.Capabilities.Intake;

/// <summary>
/// One item of a leg's form as the case holds it: pre-filled by the hub (FILLED, UNCERTAIN), typed by the applicant
/// (TYPED), or still missing (UNAVAILABLE, WITHHELD, NOT_APPLICABLE as the pre-fill left it).
/// </summary>
/// <param name="Section">applicant, spouse, or member (then <paramref name="Subject"/> names the member).</param>
/// <param name="Subject">宛名番号 of the person the item is about.</param>
/// <param name="Id">Item id.</param>
/// <param name="Label">The label on the paper form.</param>
/// <param name="Path">Catalog path, or null for an item only the applicant answers.</param>
/// <param name="Status">FILLED, UNCERTAIN, TYPED, UNAVAILABLE, WITHHELD or NOT_APPLICABLE.</param>
/// <param name="Value">The value, when filled or typed.</param>
/// <param name="Source">The source system of a pre-filled value, or <c>applicant</c>.</param>
public sealed record IntakeLegItem(string Section, string Subject, string Id, string Label, string? Path, string Status, string? Value, string? Source)
{
    /// <summary>Status of an item the applicant typed.</summary>
    public const string Typed = "TYPED";
}
