namespace Hub.Policy.Administration;

/// <summary>What a policy audit record says happened.</summary>
public enum PolicyAuditAction
{
    /// <summary>A draft was created.</summary>
    DraftCreated,

    /// <summary>A draft was edited.</summary>
    DraftUpdated,

    /// <summary>A version was published and is in force.</summary>
    Published,

    /// <summary>An earlier version was brought back as a new published version.</summary>
    RolledBack,

    /// <summary>A publication was refused because the version failed to parse or check; the version in force stayed.</summary>
    PublishRejected,

    /// <summary>A draft was submitted for review (起案 → 審査).</summary>
    Submitted,

    /// <summary>A version under review was approved by a second officer (決裁).</summary>
    Approved,

    /// <summary>A version under review or approved was returned to its authors as a draft (差戻し).</summary>
    Returned,

    /// <summary>A submission or approval was refused (an author approving, a rule without legal basis, a violated invariant); nothing changed.</summary>
    ReviewRefused,
}
