using System.Globalization;
using System.Text.RegularExpressions;

namespace Hub.Demo.Tests.City;

/// <summary>
/// An independent reading of the birth-date forms the demo writes, for the tests: a calendar date when
/// the text has one (2月29日 of a common year read as 28日), else null.
/// </summary>
internal static partial class BirthDateReader
{
    private static readonly Dictionary<string, int> EraFirstYear = new(StringComparer.Ordinal)
    {
        ["明治"] = 1868,
        ["大正"] = 1912,
        ["昭和"] = 1926,
        ["平成"] = 1989,
        ["令和"] = 2019,
    };

    public static bool IsWestern(string text) => WesternPattern().IsMatch(text);

    public static bool IsFullEraDate(string text) => FullEraPattern().IsMatch(text);

    public static DateOnly? Read(string text)
    {
        if (IsWestern(text))
        {
            return DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var m = FullEraPattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var year = EraFirstYear[m.Groups[1].Value] - 1 + (m.Groups[2].Value == "元" ? 1 : int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
        var month = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups[4].Value, CultureInfo.InvariantCulture);
        return new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month)));
    }

    public static int Age(DateOnly birth, DateOnly day)
    {
        var age = day.Year - birth.Year;
        return day < birth.AddYears(age) ? age - 1 : age;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex WesternPattern();

    [GeneratedRegex(@"^(明治|大正|昭和|平成|令和)(元|\d{1,2})年(\d{1,2})月(\d{1,2})日$")]
    private static partial Regex FullEraPattern();
}
