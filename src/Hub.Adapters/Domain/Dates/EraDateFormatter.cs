using System.Globalization;

namespace Hub.Adapters.Domain.Dates;

/// <summary>和暦 text and 7-digit era codes for <see cref="JapaneseEraDate"/>.</summary>
internal static class EraDateFormatter
{
    public static string ToWareki(JapaneseEraDate d)
    {
        if (d.Precision == DatePrecision.Unknown)
        {
            return d.Era is { } only ? only.Name() + "不詳" : "不詳";
        }

        var (era, eraYear) = EraAndYear(d);
        var year = era.Name() + (eraYear == 1 ? "元" : eraYear.ToString(CultureInfo.InvariantCulture)) + "年";
        return d.Precision switch
        {
            DatePrecision.Day => FormattableString.Invariant($"{year}{d.Month}月{d.Day}日"),
            DatePrecision.Xun => FormattableString.Invariant($"{year}{d.Month}月{XunText(d.Xun)}"),
            DatePrecision.Month => FormattableString.Invariant($"{year}{d.Month}月"),
            DatePrecision.ApproximateYear => year + "頃",
            _ => year,
        };
    }

    public static string ToEraCode(JapaneseEraDate d)
    {
        if (d.Precision == DatePrecision.Unknown)
        {
            return d.Era is { } only ? FormattableString.Invariant($"{(int)only}000000") : "0000000";
        }

        var (era, eraYear) = EraAndYear(d);
        if (eraYear > 99)
        {
            throw new InvalidOperationException($"「{d.Original}」: era year {eraYear} does not fit a 7-digit era code.");
        }

        var month = d.Month ?? 0;
        var day = d.Precision == DatePrecision.Day ? d.Day!.Value : 0;
        return FormattableString.Invariant($"{(int)era}{eraYear:00}{month:00}{day:00}");
    }

    public static string XunText(Xun? xun) => xun switch
    {
        Xun.Early => "上旬",
        Xun.Middle => "中旬",
        _ => "下旬",
    };

    private static (JapaneseEra Era, int EraYear) EraAndYear(JapaneseEraDate d)
    {
        if (d.Era is { } era && d.EraYear is { } eraYear)
        {
            return (era, eraYear);
        }

        // 西暦: the era of the first day the value denotes (1989年 → 昭和64年, 2019年5月 → 令和元年5月).
        if (d.Earliest is not { } anchor || !JapaneseEras.TryFind(anchor, out var found))
        {
            throw new InvalidOperationException($"「{d.Original}」 cannot be written in 和暦: 和暦 dates start in 1868.");
        }

        return (found, d.Year!.Value - found.FirstDay().Year + 1);
    }
}
