namespace Hub.Policy.Administration;

/// <summary>Life of a policy version: drafted, published (in force), then superseded by a later publication.</summary>
public enum PolicyVersionState
{
    /// <summary>Editable, not in force (下書き).</summary>
    Draft,

    /// <summary>In force (公開中); exactly one version at a time.</summary>
    Published,

    /// <summary>Was in force, replaced by a later publication or rollback; kept for history and diffs.</summary>
    Superseded,
}
