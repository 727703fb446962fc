using System.Globalization;

namespace Hub.Demo.City;

/// <summary>
/// The birth date as the core system holds it: 和暦 for Japanese residents (with a small share of 不詳
/// forms, impossible-but-kept dates and era-boundary days), ISO 西暦 for foreign residents.
/// </summary>
internal static class BirthDateText
{
    /// <summary>1926-12-25: the last day of 大正 and the first of 昭和.</summary>
    public static readonly DateOnly ShowaStart = new(1926, 12, 25);

    public static string For(DemoPerson person, DateOnly asOf, DemoRandom rng)
    {
        var date = person.BirthDate;
        if (person.IsForeign)
        {
            return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        // The boundary day: 1926-12-25 is both 大正15年 and 昭和元年; older systems wrote either.
        if (date == ShowaStart)
        {
            return rng.Chance(0.5) ? "大正15年12月25日" : "昭和元年12月25日";
        }

        var (era, year) = EraText.EraYear(date);
        var age = person.AgeAt(asOf);
        var roll = rng.NextDouble();

        // 不詳: mostly the very old, whose records go back to koseki entries with unknown dates.
        var unknownRate = age >= 80 ? 0.02 : age >= 60 ? 0.004 : 0.0005;
        if (roll < unknownRate)
        {
            var form = rng.Next(10);
            return form switch
            {
                0 => "年月日不詳",
                1 or 2 or 3 => FormattableString.Invariant($"{era}{EraText.YearText(year)}年頃"),
                4 or 5 or 6 => FormattableString.Invariant($"{era}{EraText.YearText(year)}年{date.Month}月{Third(date.Day)}"),
                _ => FormattableString.Invariant($"{era}{EraText.YearText(year)}年{date.Month}月"),
            };
        }

        // An impossible date kept as registered: 2月29日 in a common year.
        if (roll < unknownRate + 0.0008 && !DateTime.IsLeapYear(date.Year))
        {
            person.BirthDate = new DateOnly(date.Year, 2, 28);
            var (febEra, febYear) = EraText.EraYear(person.BirthDate);
            return EraText.Format(febEra, febYear, 2, 29);
        }

        return EraText.Format(era, year, date.Month, date.Day);
    }

    private static string Third(int day) => day <= 10 ? "上旬" : day <= 20 ? "中旬" : "下旬";
}
