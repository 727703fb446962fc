namespace Hub.Policy.Matchers.Syntax;

/// <summary>A node of a parsed matcher expression; <see cref="Position"/> is its 0-based offset.</summary>
internal abstract record MatcherNode(int Position);
