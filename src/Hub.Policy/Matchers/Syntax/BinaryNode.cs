namespace Hub.Policy.Matchers.Syntax;

/// <summary>An infix operator such as <c>&amp;&amp;</c>, <c>==</c>, <c>in</c> or <c>+</c>.</summary>
internal sealed record BinaryNode(string Operator, MatcherNode Left, MatcherNode Right, int Position) : MatcherNode(Position);
