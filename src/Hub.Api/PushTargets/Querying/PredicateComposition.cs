using System.Linq.Expressions;

namespace Hub.Api.PushTargets.Querying;

/// <summary>Combines lambda predicates into one lambda over a single parameter, so that EF Core translates the whole.</summary>
internal static class PredicateComposition
{
    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Combine(left, right, Expression.AndAlso);

    public static Expression<Func<T, bool>> Or<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        Combine(left, right, Expression.OrElse);

    public static Expression<Func<T, bool>> Not<T>(Expression<Func<T, bool>> operand) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(operand.Body), operand.Parameters);

    /// <summary>The body of <paramref name="lambda"/> with its parameter replaced by <paramref name="parameter"/>.</summary>
    public static Expression Inline(LambdaExpression lambda, Expression parameter) =>
        new Replace(lambda.Parameters[0], parameter).Visit(lambda.Body);

    private static Expression<Func<T, bool>> Combine<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right, Func<Expression, Expression, BinaryExpression> op)
    {
        var parameter = left.Parameters[0];
        return Expression.Lambda<Func<T, bool>>(op(left.Body, Inline(right, parameter)), parameter);
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
