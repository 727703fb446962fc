using System.Linq.Expressions;
using Hub.Data.Entities;

namespace Hub.Api.PushTargets.Querying;

/// <summary>
/// A criterion as two SQL-translatable predicates over a resident (three-valued logic):
/// <see cref="Certain"/> holds for residents that surely match, <see cref="Possible"/> for residents that
/// match or might (an uncertain 不詳 birth date). Certain ⊆ Possible; they are the same object when
/// nothing about the criterion is uncertain.
/// </summary>
internal sealed record TargetPredicate(Expression<Func<ResidentRecord, bool>> Certain, Expression<Func<ResidentRecord, bool>> Possible)
{
    public static TargetPredicate Exact(Expression<Func<ResidentRecord, bool>> predicate) => new(predicate, predicate);

    public bool HasUncertainty => !ReferenceEquals(Certain, Possible);
}
