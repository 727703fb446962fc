namespace Hub.Capabilities.PushTargets.Criteria;

/// <summary>Number of living members of the resident's household within [Min, Max].</summary>
public sealed record HouseholdSizeCriterion(int? Min, int? Max) : TargetCriterion;

/// <summary>The household has a living member (the resident included) aged within [Min, Max].</summary>
public sealed record HouseholdMemberAgedCriterion(int? Min, int? Max, UncertainAges Uncertain) : TargetCriterion;

/// <summary>Number of household members under 18 (児童福祉法の児童) within [Min, Max].</summary>
public sealed record HouseholdChildrenCriterion(int? Min, int? Max, UncertainAges Uncertain) : TargetCriterion;

/// <summary>
/// ひとり親世帯 as the registry shows it: a 世帯主, at least one 子 under 18, and no 妻 or 夫 of the head.
/// </summary>
public sealed record SingleParentCriterion(UncertainAges Uncertain) : TargetCriterion;

/// <summary>高齢者単身世帯: the resident lives alone and is at least <paramref name="MinAge"/>.</summary>
public sealed record ElderlyLivingAloneCriterion(int MinAge, UncertainAges Uncertain) : TargetCriterion;

/// <summary>A member of the household was born on or after <paramref name="Since"/> (and by the reference date).</summary>
public sealed record BirthInHouseholdCriterion(RelativeDate Since, UncertainAges Uncertain) : TargetCriterion;
