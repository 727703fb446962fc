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
}
