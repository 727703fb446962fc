namespace Hub.Adapters.Domain.Dates;

/// <summary>
/// 年齢計算: the two ways Japanese administration counts age.
/// </summary>
/// <remarks>
/// <para><see cref="CompletedYears"/> is the everyday (common-law) count: the age increases on the
/// birthday itself. It answers "how old is the person on this day" for display and statistics.</para>
/// <para>By law (年齢計算ニ関スル法律 with 民法 第143条) the age increases at the end of the day before
/// the birthday, so an age is "attained" (到達) on the day before the birthday; where the birthday does
/// not exist in that year (2月29日), on the last day of February. Eligibility dates such as 75歳到達
/// (後期高齢者医療) or 満65歳到達 use <see cref="LegalAgeAttainedOn"/>.</para>
/// </remarks>
public static class JapaneseAge
{
    /// <summary>Completed years from <paramref name="birth"/> to <paramref name="on"/>, increasing on the birthday (2月29日 births in common years: on 3月1日). Negative when <paramref name="on"/> precedes the birth.</summary>
    public static int CompletedYears(DateOnly birth, DateOnly on)
    {
        var years = on.Year - birth.Year;
        if (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day))
        {
            years--;
        }

        return years;
    }

    /// <summary>The day on which a person born on <paramref name="birth"/> legally attains <paramref name="age"/>: the day before the birthday.</summary>
    public static DateOnly LegalAgeAttainedOn(DateOnly birth, int age)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(age);
        var year = birth.Year + age;
        if (birth.Month == 2 && birth.Day == 29 && !DateTime.IsLeapYear(year))
        {
            // 民法 第143条 但書: no corresponding day in that month, so the period ends on its last day.
            return new DateOnly(year, 2, 28);
        }

        return new DateOnly(year, birth.Month, birth.Day).AddDays(-1);
    }
}
