using System.Linq.Expressions;
using Hub.Data.Entities;

namespace Hub.Capabilities.PushTargets.Querying;

/// <summary>
/// A criterion as two SQL-translatable predicates over a resident (three-valued logic):
/// <see cref="Certain"/> holds for residents that surely match, <see cref="Possible"/> for residents that
/// match or might (an uncertain 不詳 birth date). Certain ⊆ Possible; they are the same object when
/// nothing about the criterion is uncertain.
/// </summary>
/// <remarks>
/// <see cref="Uncertain"/> tells, for a resident already known to satisfy <see cref="Possible"/>, whether they are
/// uncertain (¬Certain); it is built bottom-up so that an AND with exact parts does not repeat their subqueries in the
/// row flag. Null when nothing is uncertain.
/// </remarks>
public sealed record TargetPredicate(Expression<Func<ResidentRecord, bool>> Certain, Expression<Func<ResidentRecord, bool>> Possible, Expression<Func<ResidentRecord, bool>>? Uncertain)
{
    public TargetPredicate(Expression<Func<ResidentRecord, bool>> certain, Expression<Func<ResidentRecord, bool>> possible)
        : this(certain, possible, PredicateComposition.Not(certain))
    {
    }

    public static TargetPredicate Exact(Expression<Func<ResidentRecord, bool>> predicate) => new(predicate, predicate, null);

    public bool HasUncertainty => Uncertain is not null;
}
