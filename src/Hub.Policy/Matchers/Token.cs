namespace Hub.Policy.Matchers;

/// <summary>One lexical token with its 0-based position in the expression.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Position);
