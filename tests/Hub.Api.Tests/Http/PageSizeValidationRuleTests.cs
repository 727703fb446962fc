using GraphQL;
using GraphQL.Types;
using Hub.Api.GraphQL.Limits;

namespace Hub.Api.Tests.Http;

/// <summary>The page-size limit on list arguments (<c>first</c>, <c>last</c>, <c>limit</c>), literal or variable.</summary>
public sealed class PageSizeValidationRuleTests
{
    private static readonly ISchema Schema = global::GraphQL.Types.Schema.For("type Query { items(first: Int, last: Int, limit: Int): [String] other(count: Int): String }");

    private static readonly GraphQLLimits Limits = new(new GraphQLLimitsOptions { MaxPageSize = 100 }, allowIntrospection: false);

    [Theory]
    [InlineData("{ items(first: 101) }")]
    [InlineData("{ items(last: 500) }")]
    [InlineData("{ items(limit: 1000) }")]
    [InlineData("{ a: items(first: 1) b: items(first: 101) }")]
    public async Task Literal_OverTheLimit_LimitExceeded(string query)
    {
        var result = await ExecuteAsync(query, null);

        AssertLimitExceeded(result);
    }

    [Fact]
    public async Task Variable_OverTheLimit_LimitExceeded()
    {
        var result = await ExecuteAsync("query Page($n: Int) { items(first: $n) }", new Dictionary<string, object?> { ["n"] = 101 });

        AssertLimitExceeded(result);
    }

    [Theory]
    [InlineData("{ items(first: 100) }")]
    [InlineData("{ items }")]
    [InlineData("{ other(count: 100000) }")]
    public async Task WithinTheLimitOrNotAPageArgument_Executes(string query)
    {
        var result = await ExecuteAsync(query, null);

        Assert.True(result.Executed);
        Assert.Null(result.Errors);
    }

    private static Task<ExecutionResult> ExecuteAsync(string query, Dictionary<string, object?>? variables) =>
        new DocumentExecuter().ExecuteAsync(new ExecutionOptions
        {
            Schema = Schema,
            Query = query,
            Variables = variables is null ? null : new Inputs(variables),
            ValidationRules = Limits.Rules,
            CancellationToken = TestContext.Current.CancellationToken,
        });

    private static void AssertLimitExceeded(ExecutionResult result)
    {
        Assert.False(result.Executed);
        var error = Assert.Single(result.Errors!);
        Assert.Equal("LIMIT_EXCEEDED", error.Code);
        Assert.Contains("Hub:GraphQL:MaxPageSize", error.Message, StringComparison.Ordinal);
    }
}
