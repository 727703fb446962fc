using Hub.Data.Entities;

namespace Hub.Capabilities.Audit;

/// <summary>
/// The findings of <c>hub audit report</c> as tables for the console (時間外アクセス・大量照会), and a per-day summary for
/// its chart. Same rules as <see cref="AccessReport"/>; users, days and record numbers only, never a resident.
/// </summary>
/// <param name="AfterHours">Records outside office hours (JST): sequence, local time, user, task, whether 個人番号 was used.</param>
/// <param name="MassLookups">Users who looked at more residents in one JST day than the threshold.</param>
/// <param name="Days">Per JST day, oldest first.</param>
public sealed record AccessReportTables(
    IReadOnlyList<(long Sequence, DateTimeOffset At, string User, string Task, bool MyNumberUsed)> AfterHours,
    IReadOnlyList<(string User, DateOnly Day, int Residents, int Responses, long First, long Last)> MassLookups,
    IReadOnlyList<AccessReportDay> Days)
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    /// <summary>Analyzes <paramref name="records"/> with <paramref name="options"/>.</summary>
    public static AccessReportTables Build(IReadOnlyList<AccessRecord> records, AccessReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        var afterHours = records
            .Select(r => (Record: r, Local: new DateTimeOffset(DateTime.SpecifyKind(r.RecordedAt, DateTimeKind.Utc)).ToOffset(Jst)))
            .Where(x => x.Local.Hour < options.OfficeHoursStart || x.Local.Hour >= options.OfficeHoursEnd
                || (options.WeekendsAfterHours && x.Local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday))
            .Select(x => (x.Record.Sequence, x.Local, x.Record.UserId, x.Record.Task, x.Record.MyNumberUsed))
            .ToList();
        var mass = records
            .GroupBy(r => (r.UserId, Day: Day(r)))
            .Select(g => (g.Key.UserId, g.Key.Day, Residents: g.SelectMany(r => AccessRecordFormat.SplitSubjects(r.SubjectAtenaNumbers)).Distinct(StringComparer.Ordinal).Count(), Responses: g.Count(), First: g.Min(r => r.Sequence), Last: g.Max(r => r.Sequence)))
            .Where(g => g.Residents > options.MassLookupThreshold)
            .OrderBy(g => g.Day).ThenBy(g => g.UserId, StringComparer.Ordinal)
            .ToList();
        var days = records.GroupBy(Day).OrderBy(g => g.Key)
            .Select(g => new AccessReportDay(g.Key, g.Count(), afterHours.Count(a => DateOnly.FromDateTime(a.Local.DateTime) == g.Key), mass.Count(m => m.Day == g.Key)))
            .ToList();
        return new AccessReportTables(afterHours, mass, days);
    }

    private static DateOnly Day(AccessRecord r) => DateOnly.FromDateTime(new DateTimeOffset(DateTime.SpecifyKind(r.RecordedAt, DateTimeKind.Utc)).ToOffset(Jst).DateTime);
}
