namespace Hub.Adapters.Domain.Dates;

/// <summary>
/// 元号 (Japanese era) of the modern calendar. The numeric values are the era digits of legacy
/// layouts (1 明治 … 5 令和), so <c>(int)era</c> is the digit a 7-digit era code starts with.
/// </summary>
public enum JapaneseEra
{
    /// <summary>明治 (M), 1868–1912.</summary>
    Meiji = 1,

    /// <summary>大正 (T), 1912-07-30 – 1926-12-25.</summary>
    Taisho = 2,

    /// <summary>昭和 (S), 1926-12-25 – 1989-01-07.</summary>
    Showa = 3,

    /// <summary>平成 (H), 1989-01-08 – 2019-04-30.</summary>
    Heisei = 4,

    /// <summary>令和 (R), from 2019-05-01.</summary>
    Reiwa = 5,
}
