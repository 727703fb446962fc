namespace Hub.Capabilities.PushTargets.Criteria;

/// <summary>A window of days relative to the reference date: <c>thisMonth</c>, <c>nextMonth</c> or the next N days.</summary>
public sealed record DateWindow(DateWindowKind Kind, int Days)
{
    /// <summary>First and last day of the window (inclusive) on <paramref name="asOf"/>.</summary>
    public (DateOnly From, DateOnly To) On(DateOnly asOf)
    {
        var month = new DateOnly(asOf.Year, asOf.Month, 1);
        return Kind switch
        {
            DateWindowKind.ThisMonth => (month, month.AddMonths(1).AddDays(-1)),
            DateWindowKind.NextMonth => (month.AddMonths(1), month.AddMonths(2).AddDays(-1)),
            _ => (asOf, asOf.AddDays(Days)),
        };
    }
}

/// <summary>Kinds of <see cref="DateWindow"/>.</summary>
public enum DateWindowKind
{
    /// <summary>The calendar month of the reference date.</summary>
    ThisMonth,

    /// <summary>The calendar month after the reference date's.</summary>
    NextMonth,

    /// <summary>The reference date and the N days after it.</summary>
    NextDays,
}
