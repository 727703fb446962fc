using System.Linq.Expressions;
using Hub.Capabilities.PushTargets.Criteria;
using Hub.Data.Entities;

namespace Hub.Capabilities.PushTargets.Querying;

/// <summary>
/// Conditions on a resident's birth date range [earliest, latest] (生年月日, a range when 不詳): the whole
/// range inside (after, upTo] is certain, a range that overlaps it is possible, a missing bound is open.
/// </summary>
public static class BirthRange
{
    public static TargetPredicate Within(DateOnly? after, DateOnly? upTo, UncertainAges mode)
    {
        Expression<Func<ResidentRecord, bool>> certain = x => x.BirthDateEarliest != null && x.BirthDateLatest != null;
        Expression<Func<ResidentRecord, bool>>? possible = null;
        if (after is { } a)
        {
            certain = PredicateComposition.And(certain, x => x.BirthDateEarliest > a);
            possible = x => x.BirthDateLatest == null || x.BirthDateLatest > a;
        }

        if (upTo is { } u)
        {
            certain = PredicateComposition.And(certain, x => x.BirthDateLatest <= u);
            Expression<Func<ResidentRecord, bool>> p = x => x.BirthDateEarliest == null || x.BirthDateEarliest <= u;
            possible = possible is null ? p : PredicateComposition.And(possible, p);
        }

        possible ??= x => true;
        return mode switch
        {
            UncertainAges.Include => TargetPredicate.Exact(possible),
            UncertainAges.Exclude => TargetPredicate.Exact(certain),
            _ => new TargetPredicate(certain, possible),
        };
    }

    /// <summary>満年齢 on <paramref name="asOf"/> in [min, max]: born in (asOf − (max+1) years, asOf − min years].</summary>
    public static TargetPredicate Aged(DateOnly asOf, int? min, int? max, UncertainAges mode) =>
        Within(max is { } hi ? asOf.AddYears(-(hi + 1)) : null, min is { } lo ? asOf.AddYears(-lo) : null, mode);

    /// <summary>Born on a day whose <paramref name="age"/>-th birthday falls in [from, to].</summary>
    public static TargetPredicate TurningAge(int age, DateOnly from, DateOnly to, UncertainAges mode)
    {
        // The birthday is monotonic in the birth date, so the births form one range; find its ends exactly.
        var first = from.AddYears(-age).AddDays(-3);
        while (AgeRules.Birthday(first, age) < from)
        {
            first = first.AddDays(1);
        }

        var last = to.AddYears(-age).AddDays(3);
        while (AgeRules.Birthday(last, age) > to)
        {
            last = last.AddDays(-1);
        }

        return Within(first.AddDays(-1), last, mode);
    }
}
