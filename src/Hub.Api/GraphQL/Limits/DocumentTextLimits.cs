using System.Text;
using GraphQLParser;
using GraphQLParser.Exceptions;

namespace Hub.Api.GraphQL.Limits;

/// <summary>
/// The limits checked on a document's text before it is parsed: its size in bytes, then one pass of GraphQL-Parser's
/// lexer (the spec's lexical grammar, block strings included) counting tokens, aliases and directives that stops at the
/// first limit passed. No syntax tree is built, so a 2 MB document or one of 100,000 tokens costs no more than reading
/// up to the limit.
/// </summary>
internal static class DocumentTextLimits
{
    /// <summary>Null when <paramref name="query"/> is within the limits; otherwise the message of the refusal.</summary>
    public static string? Check(string query, GraphQLLimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(limits);

        // A UTF-16 unit is at least one UTF-8 byte and at most three: count bytes only when the length leaves it open.
        if (query.Length > limits.MaxDocumentBytes
            || ((long)query.Length * 3 > limits.MaxDocumentBytes && Encoding.UTF8.GetByteCount(query) > limits.MaxDocumentBytes))
        {
            return $"The document is over {limits.MaxDocumentBytes} bytes (setting {GraphQLLimitsOptions.SectionName}:MaxDocumentBytes); it was not read.";
        }

        return CountTokens(query, limits);
    }

    private static string? CountTokens(ROM source, GraphQLLimitsOptions limits)
    {
        var tokens = 0;
        var aliases = 0;
        var directives = 0;
        var parentheses = 0;
        var previous = TokenKind.EOF;
        var position = 0;
        while (true)
        {
            Token token;
            try
            {
                token = Lexer.Lex(source, position);
            }
            catch (GraphQLSyntaxErrorException)
            {
                // Not a document at all: the parser reports the same error, having read no further than here.
                return null;
            }

            if (token.Kind == TokenKind.EOF)
            {
                return null;
            }

            position = token.End;
            if (token.Kind == TokenKind.COMMENT)
            {
                continue;
            }

            if (++tokens > limits.MaxTokens)
            {
                return $"The document has more than {limits.MaxTokens} tokens (setting {GraphQLLimitsOptions.SectionName}:MaxTokens); it was not read further.";
            }

            switch (token.Kind)
            {
                case TokenKind.PAREN_L:
                    parentheses++;
                    break;
                case TokenKind.PAREN_R:
                    parentheses = Math.Max(0, parentheses - 1);
                    break;
                case TokenKind.AT when ++directives > limits.MaxDirectives:
                    return $"The document has more than {limits.MaxDirectives} directives (setting {GraphQLLimitsOptions.SectionName}:MaxDirectives).";

                // "name:" outside parentheses is an alias; inside them it names an argument, a variable's type or an input field.
                case TokenKind.COLON when parentheses == 0 && previous == TokenKind.NAME && ++aliases > limits.MaxAliases:
                    return $"The document has more than {limits.MaxAliases} aliases (setting {GraphQLLimitsOptions.SectionName}:MaxAliases).";
                default:
                    break;
            }

            previous = token.Kind;
        }
    }
}
