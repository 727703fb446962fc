using System.Globalization;
using Hub.Data.Entities;

namespace Hub.Capabilities.Audit;

/// <summary>
/// The analysis 番号法 asks access logs to support: access outside office hours (in JST) and mass lookups (one user
/// looking at more distinct residents in one JST day than the threshold). Findings name users, days and record numbers,
/// never a resident.
/// </summary>
public static class AccessReport
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    /// <summary>One line per finding, after-hours records first, then mass lookups.</summary>
    public static IReadOnlyList<string> Analyze(IReadOnlyList<AccessRecord> records, AccessReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(options);
        var findings = new List<string>();
        foreach (var record in records)
        {
            var local = Local(record);
            var weekend = local.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (local.Hour < options.OfficeHoursStart || local.Hour >= options.OfficeHoursEnd || (weekend && options.WeekendsAfterHours))
            {
                findings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"after-hours: record {record.Sequence} at {local:yyyy-MM-dd HH:mm} JST{(weekend ? " (weekend)" : string.Empty)} by {record.UserId} in task {record.Task}{(record.MyNumberUsed ? ", My Number used" : string.Empty)}"));
            }
        }

        foreach (var group in records
            .GroupBy(r => (r.UserId, Day: DateOnly.FromDateTime(Local(r).DateTime)))
            .OrderBy(g => g.Key.Day)
            .ThenBy(g => g.Key.UserId, StringComparer.Ordinal))
        {
            var residents = group.SelectMany(r => AccessRecordFormat.SplitSubjects(r.SubjectAtenaNumbers)).Distinct(StringComparer.Ordinal).Count();
            if (residents > options.MassLookupThreshold)
            {
                findings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"mass lookup: {group.Key.UserId} looked at {residents} residents on {group.Key.Day:yyyy-MM-dd} (threshold {options.MassLookupThreshold}) in {group.Count()} responses, records {group.Min(r => r.Sequence)}–{group.Max(r => r.Sequence)}"));
            }
        }

        return findings;
    }

    private static DateTimeOffset Local(AccessRecord record) =>
        new DateTimeOffset(DateTime.SpecifyKind(record.RecordedAt, DateTimeKind.Utc)).ToOffset(Jst);
}
