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

    /// <summary>Records of kinds declared as data, by kind (a source usually feeds one).</summary>
    public Dictionary<string, List<GenericRecord>> Generic { get; } = new(StringComparer.Ordinal);

    /// <summary>Source keys of the records this batch loads (they close earlier quarantine entries).</summary>
    public List<string> LoadedKeys { get; } = [];

    /// <summary>The tables this batch adds versions to (households with the residents that describe them).</summary>
    public IEnumerable<string> Tables()
    {
        if (Residents.Count > 0)
        {
            yield return "residents";
            yield return "households";
        }

        if (TaxAssessments.Count > 0)
        {
            yield return "tax_assessments";
        }

        if (NhiQualifications.Count > 0)
        {
            yield return "nhi_qualifications";
        }

        if (ChildAllowanceEntitlements.Count > 0)
        {
            yield return "child_allowance_entitlements";
        }

        if (Generic.Count > 0)
        {
            yield return "generic_records";
        }
    }

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
