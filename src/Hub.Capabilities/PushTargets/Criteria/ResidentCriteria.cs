namespace Hub.Capabilities.PushTargets.Criteria;

/// <summary>Region: the resident's 町字コード is one of <paramref name="AreaCodes"/> or their 郵便番号 one of <paramref name="PostalCodes"/>.</summary>
public sealed record RegionCriterion(IReadOnlyList<string> AreaCodes, IReadOnlyList<string> PostalCodes) : TargetCriterion;

/// <summary>満年齢 on the reference date within [<paramref name="Min"/>, <paramref name="Max"/>] (either bound may be open).</summary>
public sealed record AgeCriterion(int? Min, int? Max, UncertainAges Uncertain) : TargetCriterion;

/// <summary>
/// The resident reaches <paramref name="Age"/> within <paramref name="Window"/>: the <paramref name="Age"/>-th
/// birthday itself falls in it (後期高齢者医療: 資格取得日 = 75歳の誕生日; a 2月29日 birth's birthday in a common
/// year is 3月1日).
/// </summary>
public sealed record TurnsAgeCriterion(int Age, DateWindow Window, UncertainAges Uncertain) : TargetCriterion;

/// <summary>続柄 is one of <paramref name="Values"/> (世帯主, 妻, 子 …).</summary>
public sealed record RelationshipCriterion(IReadOnlyList<string> Values) : TargetCriterion;

/// <summary>転入: some version of the resident records 異動事由 転入 with 異動日 on or after <paramref name="Since"/>.</summary>
public sealed record MovedInSinceCriterion(RelativeDate Since) : TargetCriterion;
