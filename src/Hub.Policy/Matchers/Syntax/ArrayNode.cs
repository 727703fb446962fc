namespace Hub.Policy.Matchers.Syntax;

/// <summary>A list such as <c>('a', 'b')</c> or <c>['a', 'b']</c>, the right side of <c>in</c>.</summary>
internal sealed record ArrayNode(IReadOnlyList<MatcherNode> Items, int Position) : MatcherNode(Position);
