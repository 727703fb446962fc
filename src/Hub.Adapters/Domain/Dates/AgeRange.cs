namespace Hub.Adapters.Domain.Dates;

/// <summary>
/// 年齢 at a reference date, as a range because the date of birth may be partly unknown (不詳).
/// </summary>
/// <param name="Min">The youngest the person can be (0 when the latest possible birth date is unknown).</param>
/// <param name="Max">The oldest the person can be; null when the earliest possible birth date is unknown.</param>
public readonly record struct AgeRange(int Min, int? Max)
{
    /// <summary>True when the age is known exactly.</summary>
    public bool IsExact => Max == Min;
}
