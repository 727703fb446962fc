namespace Hub.Policy.Matchers.Syntax;

/// <summary>A function call: a built-in, a role function (<c>g</c>, <c>g2</c> …), <c>eval</c> or a registered function.</summary>
internal sealed record CallNode(string Name, IReadOnlyList<MatcherNode> Arguments, int Position) : MatcherNode(Position);
