namespace Hub.Testing.Forms;

/// <summary>One form's fill rate over the residents it is for, under its own task (<see cref="FormFillSurvey"/>).</summary>
/// <param name="FormId">The form.</param>
/// <param name="Task">Its task, whose clerk filled it.</param>
/// <param name="Relevant">Residents the form is for in the city.</param>
/// <param name="Complete">Of those, with complete core-system data (a record of every kind the applicant's items read).</param>
/// <param name="Residents">Residents the form was filled for: a sample of the complete ones, spread over the city.</param>
/// <param name="Items">Items counted: every item of every section filled, applicant answers and 該当なし excluded.</param>
/// <param name="Filled">Of those, FILLED.</param>
/// <param name="ByStatus">Every counted item's status, counted (FILLED, UNCERTAIN, UNAVAILABLE, WITHHELD).</param>
/// <param name="ApplicantAnswers">Labels of the items no core system holds (always UNAVAILABLE, not counted).</param>
/// <param name="Short">Item labels answered other than FILLED, with how often: where the rest goes.</param>
public sealed record FormFill(
    string FormId,
    string Task,
    int Relevant,
    int Complete,
    int Residents,
    int Items,
    int Filled,
    IReadOnlyDictionary<string, int> ByStatus,
    IReadOnlyList<string> ApplicantAnswers,
    IReadOnlyDictionary<string, int> Short)
{
    /// <summary>FILLED ÷ counted items, 0–1.</summary>
    public double Rate => Items == 0 ? 0 : (double)Filled / Items;
}
