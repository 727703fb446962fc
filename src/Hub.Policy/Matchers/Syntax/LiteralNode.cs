namespace Hub.Policy.Matchers.Syntax;

/// <summary>A string, number (double) or boolean literal.</summary>
internal sealed record LiteralNode(object Value, int Position) : MatcherNode(Position);
