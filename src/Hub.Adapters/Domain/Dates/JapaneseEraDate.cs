using System.Diagnostics.CodeAnalysis;

namespace Hub.Adapters.Domain.Dates;

/// <summary>
/// 和暦日付 (also 西暦): a date as core systems hold it, e.g. a 生年月日. Keeps the original text exactly,
/// the calendar, era and era year as given, year, month and day as given (even 平成3年2月29日 or 4月31日,
/// flagged <see cref="IsOnCalendar"/> false), the <see cref="Precision"/> (不詳, ○年頃, 上旬 …), and the
/// calendar date or range it denotes (<see cref="Earliest"/>, <see cref="Latest"/>).
/// </summary>
/// <remarks>
/// <para>Accepted forms (full-width digits and letters, spaces and 西暦 prefixes are tolerated):
/// 令和5年4月1日, 令和元年5月1日, R05.04.01, R5.4.1, H31/4/30, 昭45.3.12, ㍼45年, the 7-digit era code
/// 5050401 (era digit 1 明治 … 5 令和 + YYMMDD), 昭和20年頃, 昭和20年3月上旬, 昭和20年3月, 昭和20年,
/// 昭和20年3月日不詳, 昭和不詳, 年月日不詳, 不詳, 1985-07-04, 1985/7/4, 1985.7.4, 19850704, 1985年7月4日,
/// 1985年頃, 1985年7月, 1985-07, 1985. In numeric forms a zero month or day means unknown (3450000 =
/// 昭和45年, 3450300 = 昭和45年3月, 0000000 = 不詳), as legacy layouts write it.</para>
/// <para>A 明治 date converts with the month and day as given (see <see cref="JapaneseEras"/>).
/// An off-calendar day such as 2月30日 denotes the range from the last day of its month to the first
/// day of the next. Equality compares the original text and every parsed field, so 明治45年7月30日 and
/// 大正元年7月30日 are different values that denote the same day (compare <see cref="Earliest"/>).</para>
/// </remarks>
public sealed record JapaneseEraDate
{
    private JapaneseEraDate(string original, DateCalendar calendar, JapaneseEra? era, int? eraYear, int? year, int? month, int? day, Xun? xun, DatePrecision precision)
    {
        Original = original;
        Calendar = calendar;
        Era = era;
        EraYear = eraYear;
        Year = year;
        Month = month;
        Day = day;
        Xun = xun;
        Precision = precision;
        IsOnCalendar = precision != DatePrecision.Day || day <= DateTime.DaysInMonth(year!.Value, month!.Value);
        (Earliest, Latest, IsWithinEra) = EraDateRange.Compute(this);
    }

    /// <summary>The text exactly as the source wrote it.</summary>
    public string Original { get; }

    /// <summary>和暦 or 西暦, as written; <see cref="DateCalendar.Unstated"/> for 「不詳」 alone.</summary>
    public DateCalendar Calendar { get; }

    /// <summary>The era as written (和暦 only), also for 「昭和不詳」.</summary>
    public JapaneseEra? Era { get; }

    /// <summary>The era year as written (1 for 元年); null for 西暦 and for unknown years.</summary>
    public int? EraYear { get; }

    /// <summary>The Gregorian year (converted from the era year for 和暦); null when unknown.</summary>
    public int? Year { get; }

    /// <summary>The month as given (1–12); null when unknown.</summary>
    public int? Month { get; }

    /// <summary>The day as given (1–31, possibly not in the month); null unless <see cref="Precision"/> is <see cref="DatePrecision.Day"/>.</summary>
    public int? Day { get; }

    /// <summary>上旬/中旬/下旬 when <see cref="Precision"/> is <see cref="DatePrecision.Xun"/>.</summary>
    public Xun? Xun { get; }

    /// <summary>How much of the date is known.</summary>
    public DatePrecision Precision { get; }

    /// <summary>False when the given day does not exist in its month (2月29日 in a common year, 4月31日); the value is kept as given.</summary>
    public bool IsOnCalendar { get; }

    /// <summary>False when a 和暦 date lies outside its era (昭和64年1月8日, 平成32年); always true otherwise. The value is kept as given.</summary>
    public bool IsWithinEra { get; }

    /// <summary>The first calendar day the value can denote; null when unknown.</summary>
    public DateOnly? Earliest { get; }

    /// <summary>The last calendar day the value can denote; null when unknown (also for 「令和不詳」).</summary>
    public DateOnly? Latest { get; }

    /// <summary>Parses any accepted form; throws <see cref="FormatException"/> saying what is wrong.</summary>
    public static JapaneseEraDate Parse(string text) =>
        TryParse(text, out var date, out var error) ? date : throw new FormatException(error);

    /// <summary>Parses any accepted form without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out JapaneseEraDate? date) =>
        TryParse(text, out date, out _);

    /// <summary>Parses any accepted form without throwing; <paramref name="error"/> says what is wrong.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out JapaneseEraDate? date, [NotNullWhen(false)] out string? error) =>
        EraDateParser.TryParse(text, out date, out error);

    /// <summary>
    /// Builds an exact date, written as 和暦 (「令和5年4月1日」; on 1912-07-30 and 1926-12-25 the new era)
    /// or as ISO 西暦 (「2023-04-01」). 和暦 needs a date from 1868 on.
    /// </summary>
    public static JapaneseEraDate FromDate(DateOnly date, bool wareki)
    {
        if (!wareki)
        {
            return Parse(date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }

        if (!JapaneseEras.TryFind(date, out var era))
        {
            throw new ArgumentOutOfRangeException(nameof(date), date, "和暦 dates start in 1868 (明治).");
        }

        return new JapaneseEraDate(string.Empty, DateCalendar.Wareki, era, date.Year - era.FirstDay().Year + 1, date.Year, date.Month, date.Day, null, DatePrecision.Day)
            .WithOriginal();
    }

    /// <summary>The exact day, only when <see cref="Precision"/> is <see cref="DatePrecision.Day"/> and the day is on the calendar.</summary>
    public bool TryGetDate(out DateOnly date)
    {
        if (Precision == DatePrecision.Day && IsOnCalendar)
        {
            date = new DateOnly(Year!.Value, Month!.Value, Day!.Value);
            return true;
        }

        date = default;
        return false;
    }

    /// <summary>
    /// Age on <paramref name="reference"/> by the common rule (the age increases on the birthday itself,
    /// see <see cref="JapaneseAge.CompletedYears"/>), as a range over <see cref="Earliest"/>..<see cref="Latest"/>.
    /// Fully unknown dates give (0, null): callers decide what 不詳 means for them.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The reference precedes the earliest possible date.</exception>
    public AgeRange AgeOn(DateOnly reference)
    {
        if (Earliest is { } earliest && reference < earliest)
        {
            throw new ArgumentOutOfRangeException(nameof(reference), reference, $"The reference date precedes 「{Original}」.");
        }

        var min = Latest is { } latest ? Math.Max(0, JapaneseAge.CompletedYears(latest, reference)) : 0;
        int? max = Earliest is { } e ? JapaneseAge.CompletedYears(e, reference) : null;
        return new AgeRange(min, max);
    }

    /// <summary>
    /// The day <paramref name="age"/> is legally attained (the day before the birthday, 年齢計算ニ関スル法律),
    /// e.g. 75歳到達日; null unless the date is an exact day (see <see cref="JapaneseAge.LegalAgeAttainedOn"/>).
    /// </summary>
    public DateOnly? LegalAgeAttainedOn(int age) =>
        TryGetDate(out var birth) ? JapaneseAge.LegalAgeAttainedOn(birth, age) : null;

    /// <summary>和暦 text: 「令和5年4月1日」, 「令和元年5月1日」, 「昭和20年3月上旬」, 「昭和20年頃」, 「昭和不詳」, 「不詳」. 西暦 values are converted (from 1868 on).</summary>
    /// <exception cref="InvalidOperationException">A 西暦 date before 1868.</exception>
    public string ToWareki() => EraDateFormatter.ToWareki(this);

    /// <summary>The 7-digit era code of legacy layouts (era digit + YYMMDD, zeros where unknown; 「0000000」 for 不詳). 旬 and 頃 are lost.</summary>
    /// <exception cref="InvalidOperationException">A date before 1868, or an era year over 99.</exception>
    public string ToEraCode() => EraDateFormatter.ToEraCode(this);

    /// <summary>「yyyy-MM-dd」 for an exact on-calendar day; null otherwise.</summary>
    public string? ToIso() => TryGetDate(out var d) ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>The original text.</summary>
    public override string ToString() => Original;

    internal static bool TryCreate(string original, DateCalendar calendar, JapaneseEra? era, int? eraYear, int? year, int? month, int? day, Xun? xun, DatePrecision precision, [NotNullWhen(true)] out JapaneseEraDate? date, [NotNullWhen(false)] out string? problem)
    {
        date = null;
        problem = year is < 1 or > 9999 ? $"year {year} is out of range 1–9999"
            : eraYear is < 1 or > 99 ? $"era year {eraYear} is out of range 1–99"
            : month is < 1 or > 12 ? $"month {month} is out of range 1–12"
            : day is < 1 or > 31 ? $"day {day} is out of range 1–31"
            : null;
        if (problem is not null)
        {
            return false;
        }

        date = new JapaneseEraDate(original, calendar, era, eraYear, year, month, day, xun, precision);
        return true;
    }

    private JapaneseEraDate WithOriginal() =>
        new(ToWareki(), Calendar, Era, EraYear, Year, Month, Day, Xun, Precision);
}
