using Hub.Api.GraphQL.Limits;

namespace Hub.Api.Tests.Http.Limits;

/// <summary>The limits on a document's text, counted by the lexer before any parsing.</summary>
public sealed class DocumentTextLimitsTests
{
    private static readonly GraphQLLimitsOptions Small = new() { MaxAliases = 2, MaxDirectives = 2, MaxTokens = 50, MaxDocumentBytes = 200 };

    [Theory]
    [InlineData("{ a: __typename b: __typename }")]
    [InlineData("query Q($a: Int = 1, $b: In = { x: 1, y: 2, z: 3 }) { f(a: 1, b: 2, c: { d: 3 }) }")] // arguments, variables and input fields are not aliases
    [InlineData("{ f(s: \"a: b: c: @x @y @z\") }")] // nor is what a string holds
    [InlineData("{ f(s: \"\"\"a: b: c: @x @y @z \\\"\"\" d: e:\"\"\") }")] // nor a block string, escaped quotes and all
    [InlineData("{ __typename # a: b: c: @x @y @z\n}")] // nor a comment
    [InlineData("{ f @include(if: true) @skip(if: false) }")]
    public void Check_WithinTheLimits_Null(string query)
    {
        Assert.Null(DocumentTextLimits.Check(query, Small));
    }

    [Theory]
    [InlineData("{ a: __typename b: __typename c: __typename }", "MaxAliases")]
    [InlineData("fragment F on Query { a: __typename b: __typename c: __typename }", "MaxAliases")]
    [InlineData("{ f @a @b @c }", "MaxDirectives")]
    [InlineData("{ a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n o p q r s t u v w x y z }", "MaxTokens")]
    public void Check_OverALimit_NamesTheSetting(string query, string setting)
    {
        Assert.Contains("Hub:GraphQL:" + setting, DocumentTextLimits.Check(query, Small), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_CommentsAreNotTokens()
    {
        var query = "{ __typename " + string.Concat(Enumerable.Repeat("# comment\n", 10)) + "}";

        Assert.Null(DocumentTextLimits.Check(query, Small));
    }

    [Fact]
    public void Check_OverTheTokenLimitWithASyntaxErrorLater_RefusedForTheTokens()
    {
        // The lexer stops at the limit: what comes after (here an invalid character) is never read.
        var query = "{ " + string.Concat(Enumerable.Repeat("a ", 10_000)) + "} \u0001";

        Assert.Contains("Hub:GraphQL:MaxTokens", DocumentTextLimits.Check(query, new GraphQLLimitsOptions { MaxTokens = 60 }), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SyntaxErrorWithinTheLimits_LeftToTheParser()
    {
        Assert.Null(DocumentTextLimits.Check("{ a \u0001 }", Small));
    }

    [Theory]
    [InlineData(61, false)]
    [InlineData(62, true)]
    public void Check_DocumentSize_CountedInUtf8Bytes(int kana, bool refused)
    {
        // 「あ」 is three UTF-8 bytes: 16 + 3 × 62 = 202 bytes in 78 characters is over 200.
        var query = "{ __typename } #" + new string('あ', kana);

        var problem = DocumentTextLimits.Check(query, Small);

        Assert.Equal(refused, problem?.Contains("Hub:GraphQL:MaxDocumentBytes", StringComparison.Ordinal) ?? false);
    }
}
