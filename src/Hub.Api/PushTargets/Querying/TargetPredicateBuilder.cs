using System.Linq.Expressions;
using Hub.Api.PushTargets.Criteria;
using Hub.Data;
using Hub.Data.Entities;

namespace Hub.Api.PushTargets.Querying;

/// <summary>
/// Turns a criterion into SQL-translatable predicates over <c>residents</c>. Household, qualification and
/// event conditions become uncorrelated <c>IN (SELECT …)</c> sets (households by 世帯番号, people by
/// 宛名番号), which every provider plans as one hash or index semi-join instead of a per-row subquery.
/// </summary>
internal sealed class TargetPredicateBuilder(HubDbContext db, DateOnly asOf)
{
    private static readonly string[] Spouses = ["妻", "夫"];

    private IQueryable<ResidentRecord> Living => db.Residents.Where(m => m.SupersededAt == null && m.ValidTo == null);

    public TargetPredicate Build(TargetCriterion criterion) => criterion switch
    {
        AllCriterion all => all.Items.Count == 0 ? TargetPredicate.Exact(x => true) : all.Items.Select(Build).Aggregate(And),
        AnyCriterion any => any.Items.Count == 0 ? TargetPredicate.Exact(x => false) : any.Items.Select(Build).Aggregate(Or),
        NotCriterion not => Negate(Build(not.Item)),
        RegionCriterion region => TargetPredicate.Exact(Region(region)),
        AgeCriterion age => BirthRange.Aged(asOf, age.Min, age.Max, age.Uncertain),
        TurnsAgeCriterion turns => TurnsAge(turns),
        RelationshipCriterion relationship => TargetPredicate.Exact(Relationship(relationship.Values)),
        MovedInSinceCriterion moved => TargetPredicate.Exact(MovedIn(moved.Since.On(asOf))),
        HouseholdSizeCriterion size => TargetPredicate.Exact(InHouseholds(SizedHouseholds(size.Min, size.Max))),
        HouseholdMemberAgedCriterion aged => HouseholdsWhere(BirthRange.Aged(asOf, aged.Min, aged.Max, aged.Uncertain)),
        HouseholdChildrenCriterion children => Children(children),
        SingleParentCriterion single => SingleParent(single.Uncertain),
        ElderlyLivingAloneCriterion alone => And(TargetPredicate.Exact(InHouseholds(SizedHouseholds(1, 1))), BirthRange.Aged(asOf, alone.MinAge, null, alone.Uncertain)),
        BirthInHouseholdCriterion birth => HouseholdsWhere(BirthRange.Within(birth.Since.On(asOf).AddDays(-1), asOf, birth.Uncertain)),
        NhiMemberCriterion nhi => Is(nhi.Value, x => NhiMembers().Contains(x.AtenaNumber)),
        ChildAllowanceRecipientCriterion recipient => Is(recipient.Value, x => ActiveAllowances().Select(e => e.RecipientAtenaNumber).Contains(x.AtenaNumber)),
        ChildAllowanceChildCriterion child => Is(child.Value, x => ActiveAllowances().Select(e => e.ChildAtenaNumber).Contains(x.AtenaNumber)),
        HouseholdChildAllowanceCriterion household => Is(household.Value, InHouseholds(RecipientHouseholds())),
        NonTaxableHouseholdCriterion nonTaxable => TargetPredicate.Exact(NonTaxable(nonTaxable.FiscalYear.On(asOf))),
        _ => throw new NotSupportedException($"Unknown criterion {criterion.GetType().Name}."),
    };

    // Given both parts possible, the conjunction is uncertain exactly when one part is.
    private static TargetPredicate And(TargetPredicate a, TargetPredicate b) =>
        a.HasUncertainty || b.HasUncertainty
            ? new TargetPredicate(PredicateComposition.And(a.Certain, b.Certain), PredicateComposition.And(a.Possible, b.Possible), OrNull(a.Uncertain, b.Uncertain))
            : TargetPredicate.Exact(PredicateComposition.And(a.Certain, b.Certain));

    // Given a disjunction possible, it is uncertain when no part is certain: each part is impossible or uncertain.
    private static TargetPredicate Or(TargetPredicate a, TargetPredicate b)
    {
        if (!a.HasUncertainty && !b.HasUncertainty)
        {
            return TargetPredicate.Exact(PredicateComposition.Or(a.Certain, b.Certain));
        }

        Expression<Func<ResidentRecord, bool>> NotCertain(TargetPredicate p) =>
            p.Uncertain is { } u ? PredicateComposition.Or(PredicateComposition.Not(p.Possible), u) : PredicateComposition.Not(p.Certain);

        return new TargetPredicate(PredicateComposition.Or(a.Certain, b.Certain), PredicateComposition.Or(a.Possible, b.Possible), PredicateComposition.And(NotCertain(a), NotCertain(b)));
    }

    // NOT under three-valued logic: surely not-X is "not possibly X", possibly not-X is "not surely X";
    // given not-X possible (X not certain), it is uncertain exactly when X is possible.
    private static TargetPredicate Negate(TargetPredicate p) =>
        p.HasUncertainty
            ? new TargetPredicate(PredicateComposition.Not(p.Possible), PredicateComposition.Not(p.Certain), p.Possible)
            : TargetPredicate.Exact(PredicateComposition.Not(p.Certain));

    private static Expression<Func<ResidentRecord, bool>>? OrNull(Expression<Func<ResidentRecord, bool>>? a, Expression<Func<ResidentRecord, bool>>? b) =>
        a is null ? b : b is null ? a : PredicateComposition.Or(a, b);

    private static TargetPredicate Is(bool value, Expression<Func<ResidentRecord, bool>> predicate) =>
        TargetPredicate.Exact(value ? predicate : PredicateComposition.Not(predicate));

    private static Expression<Func<ResidentRecord, bool>> Region(RegionCriterion region)
    {
        var areas = region.AreaCodes.ToArray();
        var postals = region.PostalCodes.ToArray();
        Expression<Func<ResidentRecord, bool>> inAreas = x => areas.Contains(x.AreaCode);
        Expression<Func<ResidentRecord, bool>> inPostals = x => postals.Contains(x.PostalCode);
        return areas.Length == 0 ? inPostals : postals.Length == 0 ? inAreas : PredicateComposition.Or(inAreas, inPostals);
    }

    private static Expression<Func<ResidentRecord, bool>> Relationship(IReadOnlyList<string> values)
    {
        var list = values.ToArray();
        return x => list.Contains(x.Relationship);
    }

    private static Expression<Func<ResidentRecord, bool>> InHouseholds(IQueryable<string?> households) =>
        x => x.HouseholdNumber != null && households.Contains(x.HouseholdNumber);

    private TargetPredicate TurnsAge(TurnsAgeCriterion turns)
    {
        var (from, to) = turns.Window.On(asOf);
        return BirthRange.TurningAge(turns.Age, from, to, turns.Uncertain);
    }

    private Expression<Func<ResidentRecord, bool>> MovedIn(DateOnly since)
    {
        // Every version, not only the latest: a later 転居 must not hide the 転入 before it.
        var movedIn = db.Residents.Where(r => r.ChangeReason == "転入" && r.ChangeDate >= since).Select(r => r.AtenaNumber);
        return x => movedIn.Contains(x.AtenaNumber);
    }

    private IQueryable<string?> MemberHouseholds(Expression<Func<ResidentRecord, bool>> memberCondition) =>
        Living.Where(m => m.HouseholdNumber != null).Where(memberCondition).Select(m => m.HouseholdNumber);

    private TargetPredicate HouseholdsWhere(TargetPredicate member)
    {
        var certain = InHouseholds(MemberHouseholds(member.Certain));
        return member.HasUncertainty ? new TargetPredicate(certain, InHouseholds(MemberHouseholds(member.Possible))) : TargetPredicate.Exact(certain);
    }

    private IQueryable<string?> SizedHouseholds(int? min, int? max)
    {
        int lo = min ?? 0, hi = max ?? int.MaxValue;
        return Living.Where(m => m.HouseholdNumber != null).GroupBy(m => m.HouseholdNumber)
            .Where(g => g.Count() >= lo && g.Count() <= hi).Select(g => g.Key);
    }

    private TargetPredicate Children(HouseholdChildrenCriterion children)
    {
        // Under 18 surely: born after asOf − 18 years (earliest bound); possibly: latest bound after it or unknown.
        var cut = asOf.AddYears(-18);
        int lo = children.Min ?? 0, hi = children.Max ?? int.MaxValue;
        var groups = Living.Where(m => m.HouseholdNumber != null).GroupBy(m => m.HouseholdNumber)
            .Select(g => new
            {
                g.Key,
                Sure = g.Sum(m => m.BirthDateEarliest != null && m.BirthDateLatest != null && m.BirthDateEarliest > cut ? 1 : 0),
                Maybe = g.Sum(m => m.BirthDateLatest == null || m.BirthDateLatest > cut ? 1 : 0),
            });
        var certain = InHouseholds(groups.Where(g => g.Sure >= lo && g.Maybe <= hi).Select(g => g.Key));
        var possible = InHouseholds(groups.Where(g => g.Maybe >= lo && g.Sure <= hi).Select(g => g.Key));
        return children.Uncertain switch
        {
            UncertainAges.Include => TargetPredicate.Exact(possible),
            UncertainAges.Exclude => TargetPredicate.Exact(certain),
            _ => new TargetPredicate(certain, possible),
        };
    }

    private TargetPredicate SingleParent(UncertainAges mode)
    {
        var heads = MemberHouseholds(m => m.Relationship == "世帯主");
        var spouses = MemberHouseholds(m => Spouses.Contains(m.Relationship));
        Expression<Func<ResidentRecord, bool>> parent = x => x.HouseholdNumber != null && heads.Contains(x.HouseholdNumber) && !spouses.Contains(x.HouseholdNumber);
        var child = BirthRange.Aged(asOf, null, 17, mode);
        Expression<Func<ResidentRecord, bool>> isChild = m => m.Relationship == "子";
        var withChild = HouseholdsWhere(new TargetPredicate(PredicateComposition.And(isChild, child.Certain), PredicateComposition.And(isChild, child.Possible)));
        return And(TargetPredicate.Exact(parent), child.HasUncertainty ? withChild : TargetPredicate.Exact(withChild.Certain));
    }

    private IQueryable<string> NhiMembers() =>
        db.NhiQualifications
            .Where(q => q.SupersededAt == null && q.ValidTo == null && (q.AcquiredOn == null || q.AcquiredOn <= asOf) && (q.LostOn == null || q.LostOn > asOf))
            .Select(q => q.AtenaNumber);

    private IQueryable<ChildAllowanceEntitlementRecord> ActiveAllowances() =>
        db.ChildAllowanceEntitlements
            .Where(e => e.SupersededAt == null && e.ValidTo == null && (e.CertifiedOn == null || e.CertifiedOn <= asOf) && (e.EndedOn == null || e.EndedOn >= asOf));

    private IQueryable<string?> RecipientHouseholds()
    {
        var recipients = ActiveAllowances().Select(e => e.RecipientAtenaNumber);
        return MemberHouseholds(m => recipients.Contains(m.AtenaNumber));
    }

    private Expression<Func<ResidentRecord, bool>> NonTaxable(int fiscalYear)
    {
        var assessed = db.TaxAssessments.Where(a => a.SupersededAt == null && a.ValidTo == null && a.FiscalYear == fiscalYear);
        var anyAssessed = assessed.Select(a => a.AtenaNumber);
        var taxed = assessed.Where(a => !a.NonTaxable).Select(a => a.AtenaNumber);
        var assessedHouseholds = MemberHouseholds(m => anyAssessed.Contains(m.AtenaNumber));
        var taxedHouseholds = MemberHouseholds(m => taxed.Contains(m.AtenaNumber));
        return x => x.HouseholdNumber != null && assessedHouseholds.Contains(x.HouseholdNumber) && !taxedHouseholds.Contains(x.HouseholdNumber);
    }
}
