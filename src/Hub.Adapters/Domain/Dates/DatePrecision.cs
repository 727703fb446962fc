namespace Hub.Adapters.Domain.Dates;

/// <summary>
/// 精度: how much of a date the source knows. Core systems must accept partly unknown dates, so a
/// birth date carries its precision beside the range it denotes.
/// </summary>
public enum DatePrecision
{
    /// <summary>The day is known (年月日).</summary>
    Day = 0,

    /// <summary>A third of a month is known: 上旬 (1–10), 中旬 (11–20) or 下旬 (21–end).</summary>
    Xun = 1,

    /// <summary>Year and month are known, the day is not (e.g. 昭和20年3月, 3450300).</summary>
    Month = 2,

    /// <summary>Only the year is known (e.g. 昭和20年, 3450000).</summary>
    Year = 3,

    /// <summary>An approximate year: ○年頃.</summary>
    ApproximateYear = 4,

    /// <summary>不詳: unknown (年月日不詳, 不詳), or only the era is known (昭和不詳).</summary>
    Unknown = 5,
}
