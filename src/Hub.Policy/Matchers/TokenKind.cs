namespace Hub.Policy.Matchers;

/// <summary>Kinds of lexical tokens of the matcher language.</summary>
internal enum TokenKind
{
    End,
    Identifier,
    Number,
    String,
    Operator,
    OpenParen,
    CloseParen,
    OpenBracket,
    CloseBracket,
    Comma,
    Question,
    Colon,
}
