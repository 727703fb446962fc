namespace Hub.Policy.Matchers.Syntax;

/// <summary>A prefix operator: <c>!</c> or <c>-</c>.</summary>
internal sealed record UnaryNode(string Operator, MatcherNode Operand, int Position) : MatcherNode(Position);
