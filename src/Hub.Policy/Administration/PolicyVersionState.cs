namespace Hub.Policy.Administration;

/// <summary>
/// Life of a policy version: drafted (起案), submitted for review (審査), approved by a second officer (決裁), published
/// (in force), then superseded by a later publication. A version under review or approved can be returned to a draft.
/// </summary>
public enum PolicyVersionState
{
    /// <summary>Editable, not in force (下書き・起案).</summary>
    Draft,

    /// <summary>In force (公開中); exactly one version at a time.</summary>
    Published,

    /// <summary>Was in force, replaced by a later publication or rollback; kept for history and diffs.</summary>
    Superseded,

    /// <summary>Submitted for review (審査中): no longer editable; a second officer approves or returns it.</summary>
    InReview,

    /// <summary>Approved by an officer other than its authors (決裁済): ready to publish, not yet in force.</summary>
    Approved,
}
