using System.Linq.Expressions;

namespace Hub.Capabilities.PushTargets.Querying;

/// <summary>Combines lambda predicates into one lambda over a single parameter, so that EF Core translates the whole.</summary>
public static class PredicateComposition
{
    /// <summary>
    /// Both; a part without a subquery goes first. SQLite evaluates the terms of a WHERE in the order written, so plain
    /// column filters (a region, an age band) discard rows before a correlated subquery is run for them; the result is the
    /// same in any order (SQL's AND has no side effects and does not short-circuit observably).
    /// </summary>
    public static Expression<Func<T, bool>> And<T>(Expression<Func<T, bool>> left, Expression<Func<T, bool>> right) =>
        HasSubquery(left) && !HasSubquery(right) ? Combine(right, left, Expression.AndAlso) : Combine(left, right, Expression.AndAlso);

    /// <summary>Whether the predicate contains a subquery (a call on an <see cref="IQueryable"/>).</summary>
    public static bool HasSubquery(LambdaExpression predicate) => SubqueryFinder.In(predicate.Body);

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

    private sealed class SubqueryFinder : ExpressionVisitor
    {
        private bool _found;

        public static bool In(Expression expression)
        {
            var finder = new SubqueryFinder();
            finder.Visit(expression);
            return finder._found;
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            _found |= node.Method.DeclaringType == typeof(Queryable);
            return _found ? node : base.VisitMethodCall(node);
        }
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
