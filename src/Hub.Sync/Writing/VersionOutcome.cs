namespace Hub.Sync.Writing;

/// <summary>What applying a set of versions did.</summary>
internal sealed class VersionOutcome
{
    public long Inserted { get; set; }

    public long Updated { get; set; }

    public long Unchanged { get; set; }
}
