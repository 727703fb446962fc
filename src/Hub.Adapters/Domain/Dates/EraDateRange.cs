namespace Hub.Adapters.Domain.Dates;

/// <summary>The calendar range a <see cref="JapaneseEraDate"/> denotes, and whether it lies in its era.</summary>
internal static class EraDateRange
{
    public static (DateOnly? Earliest, DateOnly? Latest, bool WithinEra) Compute(JapaneseEraDate d)
    {
        DateOnly? eraFirst = d.Era?.FirstDay();
        DateOnly? eraLast = d.Era?.LastDay();
        if (d.Precision == DatePrecision.Unknown || d.Year is not { } year)
        {
            return (eraFirst, eraLast, true);
        }

        var (from, to) = Raw(d, year);
        if (d.Era is null)
        {
            return (from, to, true);
        }

        var clippedFrom = from > eraFirst!.Value ? from : eraFirst.Value;
        var clippedTo = eraLast is { } last && last < to ? last : to;
        var within = clippedFrom <= clippedTo;
        if (d.Precision == DatePrecision.Day)
        {
            // A day is within its era or not; an off-calendar day (2月30日) is within when its range touches the era.
            return (from, to, within);
        }

        return within ? (clippedFrom, clippedTo, true) : (from, to, false);
    }

    private static (DateOnly From, DateOnly To) Raw(JapaneseEraDate d, int year)
    {
        if (d.Month is not { } month)
        {
            return (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        }

        var lastDay = DateTime.DaysInMonth(year, month);
        var monthEnd = new DateOnly(year, month, lastDay);
        return d.Precision switch
        {
            DatePrecision.Day when d.IsOnCalendar => (new DateOnly(year, month, d.Day!.Value), new DateOnly(year, month, d.Day!.Value)),
            DatePrecision.Day => (monthEnd, monthEnd.AddDays(1)),
            DatePrecision.Xun => d.Xun switch
            {
                Dates.Xun.Early => (new DateOnly(year, month, 1), new DateOnly(year, month, 10)),
                Dates.Xun.Middle => (new DateOnly(year, month, 11), new DateOnly(year, month, 20)),
                _ => (new DateOnly(year, month, 21), monthEnd),
            },
            _ => (new DateOnly(year, month, 1), monthEnd),
        };
    }
}
