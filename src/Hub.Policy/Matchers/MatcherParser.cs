using Hub.Policy.Matchers.Syntax;

namespace Hub.Policy.Matchers;

/// <summary>
/// Recursive-descent parser for the matcher language with govaluate's precedence, lowest first:
/// <c>?:</c>, <c>||</c>, <c>&amp;&amp;</c>, comparators (<c>== != &lt; &lt;= &gt; &gt;= =~ !~ in</c>),
/// <c>+ -</c>, <c>* / %</c>, prefix <c>! -</c>. So <c>a || r.obj in ('x','y')</c> reads as <c>a || (r.obj in (...))</c>, as in Go.
/// </summary>
internal sealed class MatcherParser
{
    private static readonly HashSet<string> Comparators = ["==", "!=", "<", "<=", ">", ">=", "=~", "!~", "in"];
    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _next;

    private MatcherParser(string text)
    {
        _text = text;
        _tokens = MatcherLexer.Tokenize(text);
    }

    public static MatcherNode Parse(string text)
    {
        var parser = new MatcherParser(text);
        if (parser.Peek.Kind == TokenKind.End)
        {
            throw new MatcherSyntaxException(text, 0, "empty expression");
        }

        var node = parser.ParseConditional();
        if (parser.Peek.Kind != TokenKind.End)
        {
            throw new MatcherSyntaxException(text, parser.Peek.Position, $"unexpected '{parser.Peek.Text}'");
        }

        return node;
    }

    private Token Peek => _tokens[_next];

    private Token Take() => _tokens[_next++];

    private bool TakeOperator(string op)
    {
        if (Peek.Kind == TokenKind.Operator && Peek.Text == op)
        {
            _next++;
            return true;
        }

        return false;
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (Peek.Kind != kind)
        {
            throw new MatcherSyntaxException(_text, Peek.Position, $"expected {what} but found '{(Peek.Kind == TokenKind.End ? "end of expression" : Peek.Text)}'");
        }

        return Take();
    }

    private MatcherNode ParseConditional()
    {
        var condition = ParseOr();
        if (Peek.Kind != TokenKind.Question)
        {
            return condition;
        }

        var position = Take().Position;
        var then = ParseConditional();
        Expect(TokenKind.Colon, "':'");
        var otherwise = ParseConditional();
        return new ConditionalNode(condition, then, otherwise, position);
    }

    private MatcherNode ParseOr()
    {
        var left = ParseAnd();
        while (Peek.Kind == TokenKind.Operator && Peek.Text == "||")
        {
            var position = Take().Position;
            left = new BinaryNode("||", left, ParseAnd(), position);
        }

        return left;
    }

    private MatcherNode ParseAnd()
    {
        var left = ParseComparison();
        while (Peek.Kind == TokenKind.Operator && Peek.Text == "&&")
        {
            var position = Take().Position;
            left = new BinaryNode("&&", left, ParseComparison(), position);
        }

        return left;
    }

    private MatcherNode ParseComparison()
    {
        var left = ParseAdditive();
        while (Peek.Kind == TokenKind.Operator && Comparators.Contains(Peek.Text))
        {
            var token = Take();
            left = new BinaryNode(token.Text, left, ParseAdditive(), token.Position);
        }

        return left;
    }

    private MatcherNode ParseAdditive()
    {
        var left = ParseMultiplicative();
        while (Peek.Kind == TokenKind.Operator && Peek.Text is "+" or "-")
        {
            var token = Take();
            left = new BinaryNode(token.Text, left, ParseMultiplicative(), token.Position);
        }

        return left;
    }

    private MatcherNode ParseMultiplicative()
    {
        var left = ParseUnary();
        while (Peek.Kind == TokenKind.Operator && Peek.Text is "*" or "/" or "%")
        {
            var token = Take();
            left = new BinaryNode(token.Text, left, ParseUnary(), token.Position);
        }

        return left;
    }

    private MatcherNode ParseUnary()
    {
        if (Peek.Kind == TokenKind.Operator && Peek.Text is "!" or "-")
        {
            var token = Take();
            return new UnaryNode(token.Text, ParseUnary(), token.Position);
        }

        return ParsePrimary();
    }

    private MatcherNode ParsePrimary()
    {
        var token = Peek;
        switch (token.Kind)
        {
            case TokenKind.Number:
                _next++;
                if (!double.TryParse(token.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var number))
                {
                    throw new MatcherSyntaxException(_text, token.Position, $"invalid number '{token.Text}'");
                }

                return new LiteralNode(number, token.Position);
            case TokenKind.String:
                _next++;
                return new LiteralNode(token.Text, token.Position);
            case TokenKind.OpenParen:
                _next++;
                return ParseGroup(token.Position, TokenKind.CloseParen, "')'");
            case TokenKind.OpenBracket:
                _next++;
                var items = ParseList(TokenKind.CloseBracket, "']'");
                return new ArrayNode(items, token.Position);
            case TokenKind.Identifier:
                _next++;
                if (token.Text == "true" || token.Text == "false")
                {
                    return new LiteralNode(token.Text == "true", token.Position);
                }

                if (Peek.Kind == TokenKind.OpenParen)
                {
                    if (token.Text.Contains('.', StringComparison.Ordinal))
                    {
                        throw new MatcherSyntaxException(_text, token.Position, $"methods are not supported ('{token.Text}')");
                    }

                    _next++;
                    return new CallNode(token.Text, ParseList(TokenKind.CloseParen, "')'"), token.Position);
                }

                return new IdentifierNode(token.Text.Split('.'), token.Position);
            default:
                throw new MatcherSyntaxException(_text, token.Position, token.Kind == TokenKind.End ? "unexpected end of expression" : $"unexpected '{token.Text}'");
        }
    }

    private MatcherNode ParseGroup(int position, TokenKind close, string closeText)
    {
        var first = ParseConditional();
        if (Peek.Kind != TokenKind.Comma)
        {
            Expect(close, closeText);
            return first;
        }

        var items = new List<MatcherNode> { first };
        while (Peek.Kind == TokenKind.Comma)
        {
            _next++;
            items.Add(ParseConditional());
        }

        Expect(close, closeText);
        return new ArrayNode(items, position);
    }

    private List<MatcherNode> ParseList(TokenKind close, string closeText)
    {
        var items = new List<MatcherNode>();
        if (Peek.Kind == close)
        {
            _next++;
            return items;
        }

        items.Add(ParseConditional());
        while (Peek.Kind == TokenKind.Comma)
        {
            _next++;
            items.Add(ParseConditional());
        }

        Expect(close, closeText);
        return items;
    }
}
