using System.Linq.Expressions;
using Hub.Data.Entities;

namespace Hub.Capabilities.PushTargets.Querying;

/// <summary>
/// A placeholder in household expression templates: <c>MemberSlot.Holds(m)</c> is replaced by a member condition's
/// body before EF Core sees the tree, so one correlated subquery template serves every member condition.
/// </summary>
public static class MemberSlot
{
    /// <summary>Never called: replaced by <see cref="Fill"/>.</summary>
    public static bool Holds(ResidentRecord member) => throw new InvalidOperationException("MemberSlot.Holds must be replaced before translation.");

    public static Expression<Func<ResidentRecord, bool>> Fill(Expression<Func<ResidentRecord, bool>> template, Expression<Func<ResidentRecord, bool>> condition) =>
        (Expression<Func<ResidentRecord, bool>>)new Filler(condition).Visit(template);

    private sealed class Filler(Expression<Func<ResidentRecord, bool>> condition) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.DeclaringType == typeof(MemberSlot) && node.Method.Name == nameof(Holds)
                ? PredicateComposition.Inline(condition, node.Arguments[0])
                : base.VisitMethodCall(node);
    }
}
