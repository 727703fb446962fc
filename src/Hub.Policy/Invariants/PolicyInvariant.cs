namespace Hub.Policy.Invariants;

/// <summary>
/// 不変条件: one of the city's standing rules about the policy, kept as data (<c>schemas/policy/invariants.csv</c>) and
/// read as "no subject among <see cref="Subjects"/> may, in any task among <see cref="Tasks"/>, use any field among
/// <see cref="Fields"/> for any action among <see cref="Actions"/>". Because tasks × fields × roles is finite, every
/// draft is checked exhaustively (<see cref="InvariantChecker"/>).
/// </summary>
/// <param name="Id">Short identifier, unique in the file.</param>
/// <param name="Subjects">keyMatch patterns over roles and staff users (<c>*</c> for all); a user matches when one of its roles in the task does.</param>
/// <param name="Tasks">keyMatch patterns over task codes (事務コード); <see cref="OutsideOrdinance"/> means the tasks the ordinance table does not name for the field and action.</param>
/// <param name="Fields">keyMatch patterns over catalog paths (e.g. <c>tax.*</c>).</param>
/// <param name="Actions">read, extract, lookup.</param>
/// <param name="Statement">The rule in the officers' words (Japanese), shown with a violation.</param>
/// <param name="Line">Line in the file.</param>
public sealed record PolicyInvariant(string Id, IReadOnlyList<string> Subjects, IReadOnlyList<string> Tasks, IReadOnlyList<string> Fields, IReadOnlyList<string> Actions, string Statement, int Line)
{
    /// <summary>The task selector meaning "every task the ordinance table (条例の表) does not name for this field and action".</summary>
    public const string OutsideOrdinance = "!ordinance";
}
