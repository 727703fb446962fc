namespace Hub.Data.Entities;

/// <summary>
/// One stored policy version (ポリシー版): the model and policy text with who made it, when and why. Rows are never
/// deleted; a draft's text changes only while it is a draft, and the state moves Draft → Published → Superseded.
/// Hub.Policy's <c>PolicyVersion</c> is the domain type; this is its row.
/// </summary>
public sealed class PolicyVersionRow
{
    /// <summary>Version number (1, 2, …), assigned by the store under the policy lock.</summary>
    public int Number { get; set; }

    /// <summary>Draft, Published or Superseded; at most one row is Published (a unique filtered index).</summary>
    public string State { get; set; } = "Draft";

    /// <summary>The <c>model.conf</c> text.</summary>
    public string ModelText { get; set; } = string.Empty;

    /// <summary>The policy CSV text.</summary>
    public string PolicyText { get; set; } = string.Empty;

    /// <summary>The version's ordinance table CSV (条例・別表の表); null means the table from the file.</summary>
    public string? OrdinancesText { get; set; }

    /// <summary>SHA-256 of model and policy text (as the audit chain seals it): publication is conditional on it.</summary>
    public string ContentHash { get; set; } = string.Empty;

    /// <summary>Who created or last edited the draft (staff user id).</summary>
    public string Author { get; set; } = string.Empty;

    /// <summary>When the draft was created or last edited (UTC).</summary>
    public DateTime CreatedAt { get; set; }

    /// <summary>Why (free text).</summary>
    public string Reason { get; set; } = string.Empty;

    /// <summary>The version the draft started from.</summary>
    public int? BasedOn { get; set; }

    /// <summary>When it was published (UTC).</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>Who published it.</summary>
    public string? PublishedBy { get; set; }
}
