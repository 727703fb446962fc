namespace Hub.Policy.Administration;

/// <summary>One version of the hub's model and policy (ポリシー版), with who made it, when and why.</summary>
/// <param name="Number">Version number, assigned by the store (1, 2, …); 0 before it is stored.</param>
/// <param name="State">Draft, published or superseded.</param>
/// <param name="ModelText">The <c>model.conf</c> text.</param>
/// <param name="PolicyText">The policy CSV text.</param>
/// <param name="Author">Who created or last edited the draft (staff user id; never a resident's data).</param>
/// <param name="CreatedAt">When the draft was created or last edited.</param>
/// <param name="Reason">Why (free text for the audit trail).</param>
/// <param name="BasedOn">The version the draft started from, if any.</param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="PublishedBy">Who published it.</param>
/// <param name="OrdinancesText">
/// The version's 条例・別表の表 (ordinance table CSV, <c>task,field,actions,basis</c>); null means the table from the
/// file the hub was started with. A new draft copies its base's table.
/// </param>
public sealed record PolicyVersion(
    int Number,
    PolicyVersionState State,
    string ModelText,
    string PolicyText,
    string Author,
    DateTimeOffset CreatedAt,
    string Reason,
    int? BasedOn = null,
    DateTimeOffset? PublishedAt = null,
    string? PublishedBy = null,
    string? OrdinancesText = null);
