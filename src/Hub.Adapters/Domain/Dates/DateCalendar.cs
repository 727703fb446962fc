namespace Hub.Adapters.Domain.Dates;

/// <summary>The calendar a date was written in: 和暦 (era + year) or 西暦 (Gregorian year).</summary>
public enum DateCalendar
{
    /// <summary>Not stated: the text was only 「不詳」 or 「年月日不詳」.</summary>
    Unstated = 0,

    /// <summary>和暦: era and era year, e.g. 令和5年4月1日, R05.04.01, 5050401.</summary>
    Wareki = 1,

    /// <summary>西暦: Gregorian year, e.g. 1985-07-04, 19850704, 1985年7月4日.</summary>
    Seireki = 2,
}
