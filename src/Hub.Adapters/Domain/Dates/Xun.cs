namespace Hub.Adapters.Domain.Dates;

/// <summary>旬: a third of a month, as in 「3月上旬」.</summary>
public enum Xun
{
    /// <summary>上旬: days 1–10.</summary>
    Early = 1,

    /// <summary>中旬: days 11–20.</summary>
    Middle = 2,

    /// <summary>下旬: day 21 to the end of the month.</summary>
    Late = 3,
}
