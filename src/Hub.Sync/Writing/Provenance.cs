using Hub.Data.Entities;

namespace Hub.Sync.Writing;

/// <summary>Stamps a new version with where and when it came from.</summary>
internal static class Provenance
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    public static T Stamp<T>(T record, string key, DateTimeOffset sourceTimestamp, RunStamp stamp)
        where T : TemporalRecord
    {
        record.SourceSystem = stamp.SourceSystem;
        record.SourceKey = key;
        record.SourceTimestamp = sourceTimestamp.UtcDateTime;
        record.IngestedAt = stamp.Now;
        record.RecordedAt = stamp.Now;
        record.SyncRunId = stamp.RunId;
        return record;
    }

    /// <summary>Midnight in Japan of <paramref name="day"/>, as UTC: when a dated fact starts or ends.</summary>
    public static DateTime StartOfDayJst(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Jst).UtcDateTime;
}
