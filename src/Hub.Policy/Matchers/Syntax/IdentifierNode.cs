namespace Hub.Policy.Matchers.Syntax;

/// <summary>A dotted name such as <c>r.sub</c>, <c>p_obj</c> or <c>r.sub.Age</c>, resolved at compile time.</summary>
internal sealed record IdentifierNode(IReadOnlyList<string> Segments, int Position) : MatcherNode(Position)
{
    public string Text => string.Join('.', Segments);
}
