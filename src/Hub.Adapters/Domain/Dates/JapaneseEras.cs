namespace Hub.Adapters.Domain.Dates;

/// <summary>
/// 元号表: names, letters and spans of the modern eras.
/// </summary>
/// <remarks>
/// <para>明治: the 改元 was proclaimed on 1868-10-23 (慶応4年9月8日) and made retroactive to the first day
/// of 慶応4年 (1868-01-25). Dates before 明治6年 were written in the lunisolar calendar, which old
/// records keep as written; the hub does not convert them. So that such records are accepted, 明治
/// starts on 1868-01-01 here, and a 明治 date converts to the Gregorian year 1867 + era year with the
/// month and day as given.</para>
/// <para>On 1912-07-30 and 1926-12-25 both the old and the new era name are correct (the 改元 took
/// effect the same day), so 明治45年7月30日 and 大正15年12月25日 are within their eras. Later 改元 took
/// effect the next day: 昭和 ends on 64年1月7日, 平成 on 31年4月30日.</para>
/// </remarks>
public static class JapaneseEras
{
    private static readonly DateOnly[] FirstDays =
    [
        new(1868, 1, 1), new(1912, 7, 30), new(1926, 12, 25), new(1989, 1, 8), new(2019, 5, 1),
    ];

    private static readonly DateOnly?[] LastDays =
    [
        new DateOnly(1912, 7, 30), new DateOnly(1926, 12, 25), new DateOnly(1989, 1, 7), new DateOnly(2019, 4, 30), null,
    ];

    private static readonly string[] Names = ["明治", "大正", "昭和", "平成", "令和"];

    private static readonly char[] Letters = ['M', 'T', 'S', 'H', 'R'];

    /// <summary>All eras, oldest first.</summary>
    public static IReadOnlyList<JapaneseEra> All { get; } =
        [JapaneseEra.Meiji, JapaneseEra.Taisho, JapaneseEra.Showa, JapaneseEra.Heisei, JapaneseEra.Reiwa];

    /// <summary>The era name, e.g. 「昭和」.</summary>
    public static string Name(this JapaneseEra era) => Names[Index(era)];

    /// <summary>The era letter of abbreviated forms, e.g. 'S' for 昭和.</summary>
    public static char Letter(this JapaneseEra era) => Letters[Index(era)];

    /// <summary>The first day the hub accepts for the era (明治: 1868-01-01, see remarks).</summary>
    public static DateOnly FirstDay(this JapaneseEra era) => FirstDays[Index(era)];

    /// <summary>The last day of the era; null for the current era.</summary>
    public static DateOnly? LastDay(this JapaneseEra era) => LastDays[Index(era)];

    /// <summary>The Gregorian year of <paramref name="eraYear"/> (1 = 元年) of <paramref name="era"/>.</summary>
    public static int GregorianYear(this JapaneseEra era, int eraYear) => FirstDays[Index(era)].Year + eraYear - 1;

    /// <summary>
    /// The era a date is written in. On the boundary days 1912-07-30 and 1926-12-25 the new era is
    /// chosen (大正元年7月30日, 昭和元年12月25日). False before 1868.
    /// </summary>
    public static bool TryFind(DateOnly date, out JapaneseEra era)
    {
        for (var i = FirstDays.Length - 1; i >= 0; i--)
        {
            if (date >= FirstDays[i])
            {
                era = All[i];
                return true;
            }
        }

        era = default;
        return false;
    }

    /// <summary>Finds an era by name (明治), single kanji (明), letter (M or m) or digit (1).</summary>
    public static bool TryParse(string? text, out JapaneseEra era)
    {
        era = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        for (var i = 0; i < Names.Length; i++)
        {
            if (text == Names[i] || text == Names[i][..1] || (text.Length == 1 && char.ToUpperInvariant(text[0]) == Letters[i]) || text == (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                era = All[i];
                return true;
            }
        }

        return false;
    }

    private static int Index(JapaneseEra era) =>
        era is >= JapaneseEra.Meiji and <= JapaneseEra.Reiwa
            ? (int)era - 1
            : throw new ArgumentOutOfRangeException(nameof(era), era, "Not an era.");
}
