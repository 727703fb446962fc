using System.Linq.Expressions;
using Hub.Capabilities.PushTargets.Criteria;
using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Kinds;

namespace Hub.Capabilities.PushTargets.Querying;

/// <summary>
/// A <see cref="RecordCriterion"/> as SQL on every provider: <c>atena_number IN (SELECT atena_number FROM generic_records WHERE
/// kind = '…' AND superseded_at IS NULL [AND valid on the date] [AND field tests])</c>. The kind and the field names are
/// constants in the tree, so the statement names them literally: the <c>(kind, atena_number)</c> index and the expression
/// indexes of the kind's indexed fields (<see cref="RecordKindIndexes"/>, partial on the kind) serve it; each field is read by
/// <see cref="RecordJson"/>.
/// </summary>
internal static class GenericRecords
{
    public static Expression<Func<ResidentRecord, bool>> Holding(HubDbContext db, RecordCriterion criterion, DateOnly asOf)
    {
        var g = Expression.Parameter(typeof(GenericRecord), "g");
        Expression body = Expression.AndAlso(
            Expression.Equal(Expression.Property(g, nameof(GenericRecord.SupersededAt)), Expression.Constant(null, typeof(DateTime?))),
            Expression.Equal(Expression.Property(g, nameof(GenericRecord.Kind)), Expression.Constant(criterion.Kind)));
        if (criterion.Active)
        {
            // Valid on the day: validity started by its first instant in Japan and had not ended then.
            var start = new DateTimeOffset(asOf.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9)).UtcDateTime;
            Expression<Func<GenericRecord, bool>> valid = r => r.ValidFrom <= start && (r.ValidTo == null || r.ValidTo > start);
            body = Expression.AndAlso(body, PredicateComposition.Inline(valid, g));
        }

        foreach (var test in criterion.Where)
        {
            body = Expression.AndAlso(body, Test(g, test));
        }

        var records = db.GenericRecords.Where(Expression.Lambda<Func<GenericRecord, bool>>(body, g)).Select(r => r.AtenaNumber);
        return x => records.Contains(x.AtenaNumber);
    }

    private static Expression Test(ParameterExpression g, RecordFieldTest test)
    {
        var reader = RecordJson.ReaderOf(test.Type);
        var value = Expression.Call(reader, Expression.Property(g, nameof(GenericRecord.Values)), Expression.Constant(test.Field));
        var type = reader.ReturnType;
        Expression Constant(object v) => Expression.Constant(v, type);
        Expression result = Expression.NotEqual(value, Expression.Constant(null, type));
        if (test.Is is { } @is)
        {
            result = Expression.AndAlso(result, Expression.Equal(value, Constant(@is)));
        }

        if (test.In is { } list)
        {
            var array = Array.CreateInstance(type, list.Count);
            for (var i = 0; i < list.Count; i++)
            {
                array.SetValue(list[i], i);
            }

            var contains = typeof(Enumerable).GetMethods().Single(m => m.Name == nameof(Enumerable.Contains) && m.GetParameters().Length == 2).MakeGenericMethod(type);
            result = Expression.AndAlso(result, Expression.Call(contains, Expression.Constant(array), value));
        }

        if (test.Min is { } min)
        {
            result = Expression.AndAlso(result, Expression.GreaterThanOrEqual(value, Constant(min)));
        }

        if (test.Max is { } max)
        {
            result = Expression.AndAlso(result, Expression.LessThanOrEqual(value, Constant(max)));
        }

        return result;
    }
}
