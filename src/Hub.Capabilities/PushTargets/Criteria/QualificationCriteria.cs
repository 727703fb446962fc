namespace Hub.Capabilities.PushTargets.Criteria;

/// <summary>The resident holds a 国民健康保険 qualification on the reference date (or not, with <paramref name="Value"/> false).</summary>
public sealed record NhiMemberCriterion(bool Value) : TargetCriterion;

/// <summary>The resident is the 受給者 of a 児童手当 entitlement active on the reference date.</summary>
public sealed record ChildAllowanceRecipientCriterion(bool Value) : TargetCriterion;

/// <summary>The resident is the child of a 児童手当 entitlement active on the reference date.</summary>
public sealed record ChildAllowanceChildCriterion(bool Value) : TargetCriterion;

/// <summary>Some living member of the household is a 受給者 of an active 児童手当 entitlement.</summary>
public sealed record HouseholdChildAllowanceCriterion(bool Value) : TargetCriterion;

/// <summary>
/// 住民税非課税世帯 in <paramref name="FiscalYear"/>: at least one member has an assessment for that year
/// and no member's assessment is taxable. Members without an assessment (children) do not make it taxable.
/// </summary>
public sealed record NonTaxableHouseholdCriterion(FiscalYearReference FiscalYear) : TargetCriterion;
