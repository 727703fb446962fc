namespace Hub.Policy.Matchers;

/// <summary>Splits a matcher expression into tokens (govaluate's lexical rules, as Casbin uses them).</summary>
internal static class MatcherLexer
{
    private static readonly string[] Operators = ["==", "!=", "<=", ">=", "&&", "||", "=~", "!~", "<", ">", "!", "+", "-", "*", "/", "%"];

    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] == '_' || (text[i] == '.' && i + 1 < text.Length && (char.IsLetter(text[i + 1]) || text[i + 1] == '_'))))
                {
                    i++;
                }

                var word = text[start..i];
                tokens.Add(word == "in" ? new Token(TokenKind.Operator, "in", start) : new Token(TokenKind.Identifier, word, start));
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Number, text[start..i], start));
                continue;
            }

            if (c is '"' or '\'')
            {
                tokens.Add(new Token(TokenKind.String, ReadString(text, ref i), start));
                continue;
            }

            var single = c switch
            {
                '(' => TokenKind.OpenParen,
                ')' => TokenKind.CloseParen,
                '[' => TokenKind.OpenBracket,
                ']' => TokenKind.CloseBracket,
                ',' => TokenKind.Comma,
                '?' => TokenKind.Question,
                ':' => TokenKind.Colon,
                _ => TokenKind.End,
            };
            if (single != TokenKind.End)
            {
                tokens.Add(new Token(single, c.ToString(), start));
                i++;
                continue;
            }

            var op = Operators.FirstOrDefault(o => string.CompareOrdinal(text, i, o, 0, o.Length) == 0);
            if (op is null)
            {
                throw new MatcherSyntaxException(text, i, $"unexpected character '{c}'");
            }

            tokens.Add(new Token(TokenKind.Operator, op, start));
            i += op.Length;
        }

        tokens.Add(new Token(TokenKind.End, string.Empty, text.Length));
        return tokens;
    }

    private static string ReadString(string text, ref int i)
    {
        var quote = text[i];
        var start = i;
        var sb = new System.Text.StringBuilder();
        i++;
        while (i < text.Length && text[i] != quote)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
            }

            sb.Append(text[i]);
            i++;
        }

        if (i >= text.Length)
        {
            throw new MatcherSyntaxException(text, start, "unterminated string literal");
        }

        i++;
        return sb.ToString();
    }
}
