namespace Hub.Policy.Matchers.Syntax;

/// <summary>The ternary <c>condition ? then : otherwise</c>.</summary>
internal sealed record ConditionalNode(MatcherNode Condition, MatcherNode Then, MatcherNode Otherwise, int Position) : MatcherNode(Position);
