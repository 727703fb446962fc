namespace Hub.Sync.Sources;

/// <summary>Names of the built-in sources (used in runs, watermarks and quarantine).</summary>
public static class SourceNames
{
    /// <summary>住民記録.</summary>
    public const string ResidentRegistry = "resident-registry";
}
