namespace Hub.Sync.Writing;

/// <summary>Counts of one batch, added to the run in the batch's transaction.</summary>
internal sealed class BatchCounts
{
    public long Read { get; set; }

    public long Inserted { get; set; }

    public long Updated { get; set; }

    public long Unchanged { get; set; }

    public long Quarantined { get; set; }
}
