namespace Hub.Demo.City;

/// <summary>
/// 和暦 text as a resident-registry core system writes it (令和元年5月1日). A tiny table of its own so
/// the generator does not depend on the parsing side it is meant to test.
/// </summary>
internal static class EraText
{
    private static readonly (string Name, DateOnly Start)[] Eras =
    [
        ("令和", new DateOnly(2019, 5, 1)),
        ("平成", new DateOnly(1989, 1, 8)),
        ("昭和", new DateOnly(1926, 12, 25)),
        ("大正", new DateOnly(1912, 7, 30)),
        ("明治", new DateOnly(1868, 1, 25)),
    ];

    /// <summary>The era and era year of <paramref name="date"/>.</summary>
    public static (string Era, int Year) EraYear(DateOnly date)
    {
        foreach (var (name, start) in Eras)
        {
            if (date >= start)
            {
                return (name, date.Year - start.Year + 1);
            }
        }

        throw new ArgumentOutOfRangeException(nameof(date), "Before 明治.");
    }

    /// <summary>令和元年5月1日, 昭和45年3月12日.</summary>
    public static string Format(DateOnly date)
    {
        var (era, year) = EraYear(date);
        return Format(era, year, date.Month, date.Day);
    }

    public static string Format(string era, int year, int month, int day) =>
        FormattableString.Invariant($"{era}{YearText(year)}年{month}月{day}日");

    /// <summary>"元" for the first year of an era.</summary>
    public static string YearText(int year) => year == 1 ? "元" : year.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
