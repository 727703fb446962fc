namespace Hub.Capabilities.PushTargets.Criteria;

/// <summary>
/// One node of a push-type target definition (プッシュ型通知の抽出条件): a combination (<c>all</c>,
/// <c>any</c>, <c>not</c>) or a condition on a resident, their household, qualifications or events.
/// Immutable; evaluated on a reference date (基準日, <c>asOf</c>).
/// </summary>
public abstract record TargetCriterion;

/// <summary>AND: every item holds.</summary>
public sealed record AllCriterion(IReadOnlyList<TargetCriterion> Items) : TargetCriterion;

/// <summary>OR: at least one item holds.</summary>
public sealed record AnyCriterion(IReadOnlyList<TargetCriterion> Items) : TargetCriterion;

/// <summary>NOT. Under three-valued logic an uncertain item stays uncertain.</summary>
public sealed record NotCriterion(TargetCriterion Item) : TargetCriterion;
