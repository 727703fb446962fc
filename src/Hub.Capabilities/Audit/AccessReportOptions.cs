namespace Hub.Capabilities.Audit;

/// <summary>What <c>hub audit report</c> flags.</summary>
public sealed record AccessReportOptions
{
    /// <summary>Office hours start (JST, hour of day, inclusive). Default 8.</summary>
    public int OfficeHoursStart { get; init; } = 8;

    /// <summary>Office hours end (JST, hour of day, exclusive). Default 19.</summary>
    public int OfficeHoursEnd { get; init; } = 19;

    /// <summary>Whether Saturdays and Sundays count as after hours. Default true.</summary>
    public bool WeekendsAfterHours { get; init; } = true;

    /// <summary>Distinct residents one user may look at in one JST day before it counts as a mass lookup. Default 100.</summary>
    public int MassLookupThreshold { get; init; } = 100;

    /// <summary>Every problem with these options (empty when valid).</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (OfficeHoursStart is < 0 or > 23 || OfficeHoursEnd is < 1 or > 24 || OfficeHoursStart >= OfficeHoursEnd)
        {
            problems.Add($"office hours {OfficeHoursStart}–{OfficeHoursEnd}: need 0 ≤ start < end ≤ 24");
        }

        if (MassLookupThreshold < 1)
        {
            problems.Add($"mass lookup threshold {MassLookupThreshold}: must be at least 1");
        }

        return problems;
    }
}
