using Hub.Data.Entities;

namespace Hub.Data.Queries;

/// <summary>The views of versioned records that callers need, as composable query filters.</summary>
public static class TemporalQueries
{
    /// <summary>The latest version of each record (current knowledge), removed ones included.</summary>
    public static IQueryable<T> Latest<T>(this IQueryable<T> source)
        where T : TemporalRecord => source.Where(x => x.SupersededAt == null);

    /// <summary>Latest versions still valid: e.g. residents not 消除.</summary>
    public static IQueryable<T> Living<T>(this IQueryable<T> source)
        where T : TemporalRecord => source.Where(x => x.SupersededAt == null && x.ValidTo == null);

    /// <summary>What the hub knew at <paramref name="recordedAt"/> (system time, UTC).</summary>
    public static IQueryable<T> KnownAt<T>(this IQueryable<T> source, DateTime recordedAt)
        where T : TemporalRecord => source.Where(x => x.RecordedAt <= recordedAt && (x.SupersededAt == null || x.SupersededAt > recordedAt));
}
