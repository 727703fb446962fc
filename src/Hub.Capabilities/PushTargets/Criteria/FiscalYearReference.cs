namespace Hub.Capabilities.PushTargets.Criteria;

/// <summary>課税年度: a fixed year, or relative to the 年度 (April–March) of the reference date.</summary>
public sealed record FiscalYearReference(int? Fixed, int Offset)
{
    /// <summary>The fiscal year on <paramref name="asOf"/>.</summary>
    public int On(DateOnly asOf) => Fixed ?? ((asOf.Month >= 4 ? asOf.Year : asOf.Year - 1) + Offset);
}
