using System.Text;
using Hub.Api.GraphQL.Limits;

namespace Hub.Api.Tests.Http.Limits;

/// <summary>How deep a request's JSON nests, read without building a document.</summary>
public sealed class JsonNestingTests
{
    [Theory]
    [InlineData("{\"variables\":{\"a\":1}}", 1, "Within")]
    [InlineData("{\"variables\":{\"a\":[1]}}", 1, "TooDeep")]
    [InlineData("{\"variables\":{\"a\":[1]}}", 2, "Within")]
    [InlineData("{\"variables\":{\"a\":{\"b\":{\"c\":1}}}}", 2, "TooDeep")]
    [InlineData("{\"extensions\":{\"hub\":{\"task\":\"t\"}}}", 2, "Within")]
    [InlineData("{\"query\":\"[[[[[[\"}", 1, "Within")] // brackets in a string are not nesting
    [InlineData("{\"variables\":", 5, "Malformed")]
    public void Check_RequestBody(string json, int maxLevel, string expected)
    {
        Assert.Equal(Enum.Parse<JsonNesting.Outcome>(expected), JsonNesting.Check(Encoding.UTF8.GetBytes(json), maxLevel, topLevel: 0));
    }

    [Theory]
    [InlineData("{\"a\":[1]}", 2, "Within")]
    [InlineData("{\"a\":[[1]]}", 2, "TooDeep")]
    public void Check_VariablesParameter_IsLevelOne(string json, int maxLevel, string expected)
    {
        Assert.Equal(Enum.Parse<JsonNesting.Outcome>(expected), JsonNesting.Check(Encoding.UTF8.GetBytes(json), maxLevel, topLevel: 1));
    }

    [Fact]
    public void Check_AMillionOpeningBrackets_TooDeepNotMalformed()
    {
        // Unterminated as well as deep: the reader stops at the first bracket past the limit, before the end shows.
        var json = "{\"variables\":" + new string('[', 1_000_000);

        Assert.Equal(JsonNesting.Outcome.TooDeep, JsonNesting.Check(Encoding.UTF8.GetBytes(json), 10, topLevel: 0));
    }
}
