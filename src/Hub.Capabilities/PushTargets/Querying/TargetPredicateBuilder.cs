using System.Linq.Expressions;
using Hub.Capabilities.PushTargets.Criteria;
using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Queries;

namespace Hub.Capabilities.PushTargets.Querying;

/// <summary>
/// Turns a criterion into SQL-translatable predicates over <c>residents</c>. Household conditions are correlated
/// <c>EXISTS</c>/<c>COUNT</c> subqueries on 世帯番号 (index probes, or semi/anti-joins where the planner prefers);
/// qualification and event conditions are uncorrelated <c>IN (SELECT …)</c> sets of 宛名番号.
/// </summary>
public sealed class TargetPredicateBuilder(HubDbContext db, DateOnly asOf)
{
    private static readonly string[] Spouses = ["妻", "夫"];

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
        HouseholdSizeCriterion size => TargetPredicate.Exact(SizedHouseholds(size.Min, size.Max)),
        HouseholdMemberAgedCriterion aged => HouseholdsWhere(BirthRange.Aged(asOf, aged.Min, aged.Max, aged.Uncertain)),
        HouseholdChildrenCriterion children => Children(children),
        SingleParentCriterion single => SingleParent(single.Uncertain),
        ElderlyLivingAloneCriterion alone => And(TargetPredicate.Exact(SizedHouseholds(1, 1)), BirthRange.Aged(asOf, alone.MinAge, null, alone.Uncertain)),
        BirthInHouseholdCriterion birth => HouseholdsWhere(BirthRange.Within(birth.Since.On(asOf).AddDays(-1), asOf, birth.Uncertain)),
        NhiMemberCriterion nhi => Is(nhi.Value, x => NhiMembers().Contains(x.AtenaNumber)),
        ChildAllowanceRecipientCriterion recipient => Is(recipient.Value, x => ActiveAllowances().Select(e => e.RecipientAtenaNumber).Contains(x.AtenaNumber)),
        ChildAllowanceChildCriterion child => Is(child.Value, x => ActiveAllowances().Select(e => e.ChildAtenaNumber).Contains(x.AtenaNumber)),
        HouseholdChildAllowanceCriterion household => Is(household.Value, RecipientHouseholds()),
        NonTaxableHouseholdCriterion nonTaxable => TargetPredicate.Exact(NonTaxable(nonTaxable.FiscalYear.On(asOf))),
        RecordCriterion record => TargetPredicate.Exact(GenericRecords.Holding(db, record, asOf)),
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

    private TargetPredicate TurnsAge(TurnsAgeCriterion turns)
    {
        var (from, to) = turns.Window.On(asOf);
        return BirthRange.TurningAge(turns.Age, from, to, turns.Uncertain);
    }

    private Expression<Func<ResidentRecord, bool>> MovedIn(DateOnly since)
    {
        // Every version, not only the latest: a later 転居 must not hide the 転入 before it.
        // Bounded by the reference date: a 転入 after it has not happened on it.
        var movedIn = db.Residents.Where(r => r.ChangeReason == "転入" && r.ChangeDate >= since && r.ChangeDate <= asOf).Select(r => r.AtenaNumber);
        return x => movedIn.Contains(x.AtenaNumber);
    }

    // 世帯 conditions are correlated on the household (EXISTS / COUNT probing ix_residents_household_latest), so a
    // selective outer condition (a region, an age band) touches only its candidates' households. The join is a plain
    // equality on both household columns, so the planner may also drive it from the members' side (PostgreSQL: unique
    // members' households, then index probes of the outer table) when the member condition is the selective one. The
    // null guard on the outer number sits inside the subquery: it tells EF Core the outer side is not null there (no
    // "OR both NULL" expansion, which no index serves), and a resident without a household then matches no member, so
    // EXISTS and NOT EXISTS stay bare (semi- and anti-joins) without an outer null test.
    private Expression<Func<ResidentRecord, bool>> HasMember(Expression<Func<ResidentRecord, bool>> condition) =>
        MemberSlot.Fill(x => db.Residents.Any(m => x.HouseholdNumber != null && m.HouseholdNumber == x.HouseholdNumber && MemberSlot.Holds(m)), MemberOn(condition));

    // A member is a resident of the household on the reference date (OnDate.Resident): born and registered by then,
    // not yet removed; the member condition follows.
    private Expression<Func<ResidentRecord, bool>> MemberOn(Expression<Func<ResidentRecord, bool>> condition) =>
        PredicateComposition.And(OnDate.Resident(asOf), condition);

    private Expression<Func<ResidentRecord, bool>> MemberCount(Expression<Func<ResidentRecord, bool>> condition, int? min, int? max)
    {
        // A resident without a household has no size; the null test inside each COUNT is for translation, as in HasMember.
        Expression<Func<ResidentRecord, bool>> result = x => x.HouseholdNumber != null;
        if (min is { } exactly && max == exactly)
        {
            return PredicateComposition.And(result, MemberSlot.Fill(x => db.Residents.Count(m => x.HouseholdNumber != null && m.HouseholdNumber == x.HouseholdNumber && MemberSlot.Holds(m)) == exactly, MemberOn(condition)));
        }

        if (min is { } lo && lo > 0)
        {
            result = PredicateComposition.And(result, MemberSlot.Fill(x => db.Residents.Count(m => x.HouseholdNumber != null && m.HouseholdNumber == x.HouseholdNumber && MemberSlot.Holds(m)) >= lo, MemberOn(condition)));
        }

        if (max is { } hi)
        {
            result = PredicateComposition.And(result, MemberSlot.Fill(x => db.Residents.Count(m => x.HouseholdNumber != null && m.HouseholdNumber == x.HouseholdNumber && MemberSlot.Holds(m)) <= hi, MemberOn(condition)));
        }

        return result;
    }

    private TargetPredicate HouseholdsWhere(TargetPredicate member)
    {
        var certain = HasMember(member.Certain);
        return member.HasUncertainty ? new TargetPredicate(certain, HasMember(member.Possible)) : TargetPredicate.Exact(certain);
    }

    private Expression<Func<ResidentRecord, bool>> SizedHouseholds(int? min, int? max) => MemberCount(m => true, min, max);

    private TargetPredicate Children(HouseholdChildrenCriterion children)
    {
        // Members surely under 18 (born after asOf − 18 years) and possibly under 18 bound the count from both sides.
        var cut = asOf.AddYears(-18);
        Expression<Func<ResidentRecord, bool>> sure = m => m.BirthDateEarliest != null && m.BirthDateLatest != null && m.BirthDateEarliest > cut;
        Expression<Func<ResidentRecord, bool>> maybe = m => m.BirthDateLatest == null || m.BirthDateLatest > cut;
        var certain = PredicateComposition.And(MemberCount(sure, children.Min, null), MemberCount(maybe, null, children.Max));
        var possible = PredicateComposition.And(MemberCount(maybe, children.Min, null), MemberCount(sure, null, children.Max));
        return children.Uncertain switch
        {
            UncertainAges.Include => TargetPredicate.Exact(possible),
            UncertainAges.Exclude => TargetPredicate.Exact(certain),
            _ => new TargetPredicate(certain, possible),
        };
    }

    private TargetPredicate SingleParent(UncertainAges mode)
    {
        var parent = PredicateComposition.And(HasMember(m => m.Relationship == "世帯主"), PredicateComposition.Not(HasMember(m => Spouses.Contains(m.Relationship))));
        var child = BirthRange.Aged(asOf, null, 17, mode);
        Expression<Func<ResidentRecord, bool>> isChild = m => m.Relationship == "子";
        var withChild = HouseholdsWhere(child.HasUncertainty
            ? new TargetPredicate(PredicateComposition.And(isChild, child.Certain), PredicateComposition.And(isChild, child.Possible))
            : TargetPredicate.Exact(PredicateComposition.And(isChild, child.Certain)));
        return And(TargetPredicate.Exact(parent), withChild);
    }

    private IQueryable<string> NhiMembers() =>
        db.NhiQualifications.Where(OnDate.NhiInsured(asOf)).Select(q => q.AtenaNumber);

    private IQueryable<ChildAllowanceEntitlementRecord> ActiveAllowances() =>
        db.ChildAllowanceEntitlements.Where(OnDate.ChildAllowanceActive(asOf));

    // Per member, a correlated EXISTS probing the recipient index: the household's few members are looked up, where
    // an IN (SELECT …) set would make SQLite read every entitlement into a list first.
    private Expression<Func<ResidentRecord, bool>> RecipientHouseholds()
    {
        var active = ActiveAllowances();
        return HasMember(m => active.Any(e => e.RecipientAtenaNumber == m.AtenaNumber));
    }

    private Expression<Func<ResidentRecord, bool>> NonTaxable(int fiscalYear)
    {
        // The fiscal year is the date axis here; a closed assessment (valid_to set) is a cancelled one.
        var assessed = db.TaxAssessments.Where(a => a.SupersededAt == null && a.ValidTo == null && a.FiscalYear == fiscalYear);
        return PredicateComposition.And(
            HasMember(m => assessed.Any(a => a.AtenaNumber == m.AtenaNumber)),
            PredicateComposition.Not(HasMember(m => assessed.Any(a => a.AtenaNumber == m.AtenaNumber && !a.NonTaxable))));
    }
}
