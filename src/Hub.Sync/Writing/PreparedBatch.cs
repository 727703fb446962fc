using Hub.Adapters.Sdk;
using Hub.Data.Entities;

namespace Hub.Sync.Writing;

/// <summary>
/// One source batch made ready off the writer's path: the stored versions it would add (mapped and hashed), the
/// rows it quarantines (with reasons), and the watermark that covers it. Writing it needs only the database.
/// </summary>
internal sealed class PreparedBatch(RunStamp stamp, Watermark next, int read)
{
    public RunStamp Stamp { get; } = stamp;

    public Watermark Next { get; } = next;

    /// <summary>Items read from the source in this batch.</summary>
    public int Read { get; } = read;

    public List<QuarantinedRecord> Quarantined { get; } = [];

    public List<ResidentRecord> Residents { get; } = [];

    /// <summary>Households described by this batch's heads, by household number (the last row wins).</summary>
    public Dictionary<string, HouseholdRecord> Households { get; } = new(StringComparer.Ordinal);

    public List<TaxAssessmentRecord> TaxAssessments { get; } = [];

    public List<NhiQualificationRecord> NhiQualifications { get; } = [];

    public List<ChildAllowanceEntitlementRecord> ChildAllowanceEntitlements { get; } = [];

    /// <summary>Source keys of the records this batch loads (they close earlier quarantine entries).</summary>
    public List<string> LoadedKeys { get; } = [];

    public void Quarantine(SourceItem item, string reason) => Quarantined.Add(new QuarantinedRecord
    {
        SyncRunId = Stamp.RunId,
        Source = Stamp.Source,
        Location = item.Location,
        SourceKey = item.SourceKey,
        RawBytes = item.Raw.ToArray(),
        Reason = reason,
        QuarantinedAt = Stamp.Now,
    });
}
