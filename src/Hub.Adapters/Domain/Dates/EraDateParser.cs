using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Hub.Adapters.Domain.Dates;

/// <summary>Reads every date form <see cref="JapaneseEraDate"/> accepts; errors say what is wrong and where.</summary>
internal static class EraDateParser
{
    private static readonly string[] EraNames = ["明治", "大正", "昭和", "平成", "令和"];

    public static bool TryParse([NotNullWhen(true)] string? text, [NotNullWhen(true)] out JapaneseEraDate? date, [NotNullWhen(false)] out string? error)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = "A date is empty: write 「不詳」 for an unknown date.";
            return false;
        }

        var problem = Parse(text, Normalize(text), out date);
        error = problem is null ? null : $"「{text}」 is not a date: {problem}.";
        return problem is null;
    }

    /// <summary>Folds full-width digits, letters and separators to ASCII, era ligatures (㍼) to names, and drops spaces.</summary>
    internal static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        foreach (var c in text)
        {
            switch (c)
            {
                case var _ when char.IsWhiteSpace(c): break;
                case >= '０' and <= '９': sb.Append((char)(c - '０' + '0')); break;
                case >= 'Ａ' and <= 'Ｚ': sb.Append((char)(c - 'Ａ' + 'A')); break;
                case >= 'ａ' and <= 'ｚ': sb.Append((char)(c - 'ａ' + 'A')); break;
                case >= 'a' and <= 'z': sb.Append((char)(c - 'a' + 'A')); break;
                case '．': sb.Append('.'); break;
                case '／': sb.Append('/'); break;
                case '－' or '‐' or '−' or '–': sb.Append('-'); break;
                case '㍾': sb.Append("明治"); break;
                case '㍽': sb.Append("大正"); break;
                case '㍼': sb.Append("昭和"); break;
                case '㍻': sb.Append("平成"); break;
                case '㋿': sb.Append("令和"); break;
                default: sb.Append(c); break;
            }
        }

        return sb.ToString();
    }

    private static string? Parse(string original, string s, out JapaneseEraDate? date)
    {
        date = null;
        if (s is "不詳" or "年月日不詳")
        {
            return Create(original, DateCalendar.Unstated, null, null, null, null, null, null, DatePrecision.Unknown, out date);
        }

        var seireki = s.StartsWith("西暦", StringComparison.Ordinal);
        if (seireki)
        {
            s = s[2..];
        }

        if (s.Length > 0 && s.All(char.IsAsciiDigit))
        {
            return ParseDigits(original, s, seireki, out date);
        }

        var pos = 0;
        if (!seireki && TryReadEra(s, ref pos, out var era))
        {
            return ParseWareki(original, s, pos, era, out date);
        }

        var year = ReadNumber(s, ref pos, 4);
        if (year is null || pos != 4)
        {
            return pos < s.Length && !char.IsAsciiDigit(s[pos]) && pos == 0
                ? $"「{s[..Math.Min(2, s.Length)]}」 is not an era (明治 大正 昭和 平成 令和, M T S H R) or a 4-digit year"
                : "a 西暦 year has 4 digits";
        }

        return ParseTail(original, s, pos, DateCalendar.Seireki, null, null, year.Value, out date);
    }

    private static string? ParseWareki(string original, string s, int pos, JapaneseEra era, out JapaneseEraDate? date)
    {
        date = null;
        var rest = s[pos..];
        if (rest is "不詳" or "年月日不詳" or "年不詳")
        {
            return Create(original, DateCalendar.Wareki, era, null, null, null, null, null, DatePrecision.Unknown, out date);
        }

        int? eraYear;
        if (rest.StartsWith('元'))
        {
            eraYear = 1;
            pos++;
        }
        else
        {
            eraYear = ReadNumber(s, ref pos, 2);
            if (eraYear is null)
            {
                return $"expected the era year (digits or 元) after {era.Name()}";
            }

            if (pos < s.Length && char.IsAsciiDigit(s[pos]))
            {
                return "an era year has at most 2 digits";
            }
        }

        return ParseTail(original, s, pos, DateCalendar.Wareki, era, eraYear, era.GregorianYear(eraYear.Value), out date);
    }

    private static string? ParseDigits(string original, string s, bool seireki, out JapaneseEraDate? date)
    {
        date = null;
        int Part(int start, int length) => int.Parse(s.AsSpan(start, length), NumberStyles.None, CultureInfo.InvariantCulture);
        switch (s.Length)
        {
            case 7 when !seireki:
                if (s == "0000000")
                {
                    return Create(original, DateCalendar.Unstated, null, null, null, null, null, null, DatePrecision.Unknown, out date);
                }

                if (s[0] is < '1' or > '5')
                {
                    return $"era digit {s[0]} is not 1 (明治) … 5 (令和)";
                }

                var era = (JapaneseEra)(s[0] - '0');
                return Numeric(original, DateCalendar.Wareki, era, Part(1, 2), Part(3, 2), Part(5, 2), out date);
            case 8:
                return Numeric(original, DateCalendar.Seireki, null, Part(0, 4), Part(4, 2), Part(6, 2), out date);
            case 4:
                return Numeric(original, DateCalendar.Seireki, null, Part(0, 4), 0, 0, out date);
            default:
                return seireki
                    ? $"a 西暦 date of digits only has 8 (YYYYMMDD) or 4 (YYYY) digits, not {s.Length}"
                    : $"a date of digits only has 7 (era digit + YYMMDD), 8 (YYYYMMDD) or 4 (YYYY) digits, not {s.Length}";
        }
    }

    private static string? ParseTail(string original, string s, int pos, DateCalendar calendar, JapaneseEra? era, int? eraYear, int year, out JapaneseEraDate? date)
    {
        date = null;
        var yearOrEraYear = eraYear ?? year;
        if (pos == s.Length)
        {
            return Numeric(original, calendar, era, yearOrEraYear, 0, 0, out date);
        }

        if (s[pos] is '.' or '/' or '-')
        {
            pos++;
            var month = ReadNumber(s, ref pos, 2);
            if (month is null)
            {
                return "expected a month after the separator";
            }

            if (pos == s.Length)
            {
                return Numeric(original, calendar, era, yearOrEraYear, month.Value, 0, out date);
            }

            if (s[pos] is not ('.' or '/' or '-'))
            {
                return $"unexpected 「{s[pos..]}」 after the month";
            }

            pos++;
            var day = ReadNumber(s, ref pos, 2);
            return day is null ? "expected a day after the month"
                : pos != s.Length ? $"unexpected 「{s[pos..]}」 after the day"
                : Numeric(original, calendar, era, yearOrEraYear, month.Value, day.Value, out date);
        }

        return s[pos] == '年'
            ? ParseKanjiTail(original, s, pos + 1, calendar, era, eraYear, year, out date)
            : $"unexpected 「{s[pos..]}」 after the year";
    }

    private static string? ParseKanjiTail(string original, string s, int pos, DateCalendar calendar, JapaneseEra? era, int? eraYear, int year, out JapaneseEraDate? date)
    {
        date = null;
        var rest = s[pos..];
        switch (rest)
        {
            case "" or "不詳" or "月日不詳":
                return Create(original, calendar, era, eraYear, year, null, null, null, DatePrecision.Year, out date);
            case "頃" or "ごろ" or "ころ":
                return Create(original, calendar, era, eraYear, year, null, null, null, DatePrecision.ApproximateYear, out date);
        }

        var month = ReadNumber(s, ref pos, 2);
        if (month is null || pos == s.Length || s[pos] != '月')
        {
            return month is null ? $"expected a month, 頃 or 不詳 after 年, found 「{rest}」" : "expected 月 after the month";
        }

        rest = s[(pos + 1)..];
        switch (rest)
        {
            case "" or "不詳" or "日不詳":
                return Create(original, calendar, era, eraYear, year, month, null, null, DatePrecision.Month, out date);
            case "上旬" or "中旬" or "下旬":
                var xun = rest[0] switch { '上' => Xun.Early, '中' => Xun.Middle, _ => Xun.Late };
                return Create(original, calendar, era, eraYear, year, month, null, xun, DatePrecision.Xun, out date);
        }

        pos++;
        var day = ReadNumber(s, ref pos, 2);
        return day is null ? $"expected a day, 上旬/中旬/下旬 or 不詳 after 月, found 「{rest}」"
            : pos == s.Length || s[pos] != '日' ? "expected 日 after the day"
            : pos + 1 != s.Length ? $"unexpected 「{s[(pos + 1)..]}」 after 日"
            : Create(original, calendar, era, eraYear, year, month, day, null, DatePrecision.Day, out date);
    }

    /// <summary>Numeric forms: a zero year, month or day means unknown, and nothing finer may follow an unknown part.</summary>
    private static string? Numeric(string original, DateCalendar calendar, JapaneseEra? era, int year, int month, int day, out JapaneseEraDate? date)
    {
        date = null;
        if (year == 0)
        {
            return month != 0 || day != 0
                ? "the year is 0 (unknown) but a month or day is given"
                : Create(original, era is null ? DateCalendar.Unstated : calendar, era, null, null, null, null, null, DatePrecision.Unknown, out date);
        }

        if (month == 0 && day != 0)
        {
            return "the month is 0 (unknown) but a day is given";
        }

        int? eraYear = era is null ? null : year;
        var gregorian = era?.GregorianYear(year) ?? year;
        var precision = month == 0 ? DatePrecision.Year : day == 0 ? DatePrecision.Month : DatePrecision.Day;
        return Create(original, calendar, era, eraYear, gregorian, month == 0 ? null : month, day == 0 ? null : day, null, precision, out date);
    }

    private static string? Create(string original, DateCalendar calendar, JapaneseEra? era, int? eraYear, int? year, int? month, int? day, Xun? xun, DatePrecision precision, out JapaneseEraDate? date) =>
        JapaneseEraDate.TryCreate(original, calendar, era, eraYear, year, month, day, xun, precision, out date, out var problem) ? null : problem;

    private static bool TryReadEra(string s, ref int pos, out JapaneseEra era)
    {
        for (var i = 0; i < EraNames.Length; i++)
        {
            var name = EraNames[i];
            var length = s.StartsWith(name, StringComparison.Ordinal) ? 2
                : s.Length > 1 && s[0] == name[0] && (char.IsAsciiDigit(s[1]) || s[1] == '元') ? 1
                : s.Length > 1 && s[0] == "MTSHR"[i] && (char.IsAsciiDigit(s[1]) || s[1] == '元') ? 1
                : 0;
            if (length > 0)
            {
                era = (JapaneseEra)(i + 1);
                pos = length;
                return true;
            }
        }

        era = default;
        return false;
    }

    private static int? ReadNumber(string s, ref int pos, int maxDigits)
    {
        var start = pos;
        var value = 0;
        while (pos < s.Length && pos - start < maxDigits && char.IsAsciiDigit(s[pos]))
        {
            value = (value * 10) + (s[pos] - '0');
            pos++;
        }

        return pos == start ? null : value;
    }
}
