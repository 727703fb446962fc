namespace Hub.Capabilities.PushTargets.Criteria;

/// <summary>A date in a definition: fixed (<c>"2026-01-01"</c>) or relative to the reference date (<c>{"daysBeforeAsOf": 30}</c>).</summary>
public sealed record RelativeDate(DateOnly? Fixed, int DaysBeforeAsOf)
{
    /// <summary>The date on <paramref name="asOf"/>.</summary>
    public DateOnly On(DateOnly asOf) => Fixed ?? asOf.AddDays(-DaysBeforeAsOf);
}
