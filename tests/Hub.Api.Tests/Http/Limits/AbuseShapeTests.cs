using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hub.Api.Tests.GraphQL;
using Hub.Api.Tests.Support;

namespace Hub.Api.Tests.Http.Limits;

/// <summary>
/// One test per shape of abuse, on the real HTTP endpoint of a Development hub with its default limits: each is answered
/// <c>LIMIT_EXCEEDED</c> naming its setting, with no data, no access record (every document also asks for a seeded
/// resident's name, so running it would leave one: <see cref="Control_SameResidentWithinTheLimits_DataAndAnAccessRecord"/>)
/// and its server time in <c>Server-Timing</c>. Most are refused before the executer is called at all. How long the
/// refusals take is measured by the limits benchmark (docs/benchmarks.md), never asserted here.
/// </summary>
public sealed partial class AbuseShapeTests(LimitsHubFixture hub) : IClassFixture<LimitsHubFixture>
{
    private const string Resident = "r: resident(atenaNumber: \"" + CitySeed.Taro + "\") { name }";

    [Fact]
    public async Task Control_SameResidentWithinTheLimits_DataAndAnAccessRecord()
    {
        var client = await hub.DefaultsAsync();
        var records = await hub.AccessRecordCountAsync();

        var (response, body) = await client.SendAsync(Post("{ " + Resident + " a0: __typename }"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("山田 太郎", (string?)body["data"]!["r"]!["name"]);
        Assert.Equal(records + 1, await hub.AccessRecordCountAsync());
        AssertServerTiming(response);
    }

    [Fact]
    public async Task AliasFlood_ThousandsOfTypenames_RefusedBeforeParsing()
    {
        var query = "{ " + Resident + " " + string.Concat(Enumerable.Range(0, 1_500).Select(i => $"a{i}: __typename ")) + "}";

        await AssertRefusedAsync(await hub.DefaultsAsync(), Post(query), "MaxAliases", beforeExecuter: true);
    }

    [Fact]
    public async Task AliasFlood_OverGet_RefusedBeforeParsing()
    {
        var query = "{ " + Resident + " " + string.Concat(Enumerable.Range(0, 100).Select(i => $"a{i}: __typename ")) + "}";

        await AssertRefusedAsync(await hub.DefaultsAsync(), GraphQLClient.Get(query, Clerks.ResidentClerk, Clerks.ResidentRegistry), "MaxAliases", beforeExecuter: true);
    }

    [Fact]
    public async Task AliasFlood_AFewAliasesInAFragmentSpreadManyTimes_CountedExpanded()
    {
        // Ten aliases in the text (under the limit), a hundred once the fragment is spread ten times.
        var spreads = string.Concat(Enumerable.Range(0, 10).Select(i => $"s{i}: resident(atenaNumber: \"{CitySeed.Taro}\") {{ ...Ten }} "));
        var query = "{ " + spreads + "} fragment Ten on Resident { " + string.Concat(Enumerable.Range(0, 9).Select(i => $"n{i}: name ")) + "}";

        await AssertRefusedAsync(await hub.DefaultsAsync(), Post(query), "MaxAliases", beforeExecuter: true);
    }

    [Fact]
    public async Task FragmentFanOut_ThirtyFragmentsEachSpreadingTheNextTwice_RefusedBeforeValidation()
    {
        // 2^30 resident fields from about a kilobyte: measured fragment by fragment, never expanded.
        var fragments = new StringBuilder();
        for (var i = 0; i < 30; i++)
        {
            fragments.Append(CultureInfo.InvariantCulture, $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} ");
        }

        fragments.Append("fragment F30 on Query { " + Resident + " }");

        await AssertRefusedAsync(await hub.DefaultsAsync(), Post("{ ...F0 } " + fragments), "MaxComplexity", beforeExecuter: true);
    }

    [Fact]
    public async Task NestedLists_ShallowButMultiplied_RefusedByComplexityWhileValidating()
    {
        // Six levels and six fields, but each list multiplies what it selects: 10 × 20 × 20 names.
        var query = "{ " + Resident + " searchResidents(kana: \"ヤマダ\", first: 10) { household { members { household { members { name } } } } } }";

        await AssertRefusedAsync(await hub.DefaultsAsync(), Post(query), "MaxComplexity", beforeExecuter: false);
    }

    [Theory]
    [InlineData("__schema { types { fields { type { fields { type { fields { name } } } } } } }", "MaxIntrospectionDepth")]
    [InlineData("__type(name: \"Resident\") { interfaces { interfaces { interfaces { name } } } }", "MaxIntrospectionDepth")]
    [InlineData("__schema { types { ...T } } } fragment T on __Type { possibleTypes { ...P } } fragment P on __Type { possibleTypes { possibleTypes { name } }", "MaxIntrospectionDepth")]
    [InlineData("__schema { types { fields { type { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } } }", "MaxDepth")]
    public async Task IntrospectionCycles_DeeperThanItsCaps_RefusedBeforeValidation(string introspection, string setting)
    {
        var query = "{ " + Resident + " " + introspection + " }";

        await AssertRefusedAsync(await hub.DefaultsAsync(), Post(query), setting, beforeExecuter: true);
    }

    [Fact]
    public async Task IntrospectionAliasedManyTimes_RefusedByComplexityBeforeValidation()
    {
        // GraphiQL's FullType fragment (with InputValue and TypeRef) is about 170 fields: eight copies are over 1000.
        var graphiql = LegitimateDocumentTests.GraphiQLIntrospectionQuery();
        var fragments = graphiql[graphiql.IndexOf("fragment FullType", StringComparison.Ordinal)..];
        var query = "{ " + Resident + " " + string.Concat(Enumerable.Range(0, 8).Select(i => $"s{i}: __schema {{ types {{ ...FullType }} }} ")) + "} " + fragments;

        await AssertRefusedAsync(await hub.DefaultsAsync(), Post(query), "MaxComplexity", beforeExecuter: true);
    }

    [Fact]
    public async Task DirectiveRepetition_SixtyIncludesOnOneField_RefusedBeforeParsing()
    {
        var query = "{ resident(atenaNumber: \"" + CitySeed.Taro + "\") { name " + string.Concat(Enumerable.Repeat("@include(if: true) ", 60)) + "} }";

        await AssertRefusedAsync(await hub.DefaultsAsync(), Post(query), "MaxDirectives", beforeExecuter: true);
    }

    [Fact]
    public async Task HugeVariables_OverTheSizeLimit_RefusedBeforeParsing()
    {
        var variables = new { a = CitySeed.Taro, padding = new string('x', 70_000) };

        await AssertRefusedAsync(await hub.DefaultsAsync(), Post("query R($a: String!) { resident(atenaNumber: $a) { name } }", variables), "MaxVariablesBytes", beforeExecuter: true);
    }

    [Theory]
    [InlineData(11)]
    [InlineData(100_000)]
    public async Task HugeVariables_NestedDeeperThanTheLimit_RefusedWhileReading(int depth)
    {
        // The reader stops at the first container past the limit, however deep the rest goes.
        var nested = new string('[', depth) + new string(']', depth);
        var request = Post("query R($a: String!) { resident(atenaNumber: $a) { name } }");
        request.Content = new StringContent(
            "{\"query\":\"query R($a: String!) { resident(atenaNumber: $a) { name } }\",\"variables\":{\"a\":\"" + CitySeed.Taro + "\",\"deep\":" + nested + "}}",
            Encoding.UTF8,
            "application/json");

        await AssertRefusedAsync(await hub.DefaultsAsync(), request, "MaxVariablesDepth", beforeExecuter: true);
    }

    [Fact]
    public async Task HugeVariables_AtTheDepthLimit_Executes()
    {
        var nested = new string('[', 9) + new string(']', 9); // the variables object is level 1, so this reaches 10
        var request = Post("query R($a: String!) { resident(atenaNumber: $a) { name } }");
        request.Content = new StringContent(
            "{\"query\":\"query R($a: String!) { resident(atenaNumber: $a) { name } }\",\"variables\":{\"a\":\"" + CitySeed.Taro + "\",\"deep\":" + nested + "}}",
            Encoding.UTF8,
            "application/json");

        var (response, body) = await (await hub.DefaultsAsync()).SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("山田 太郎", (string?)body["data"]!["resident"]!["name"]);
    }

    [Fact]
    public async Task TwoMegabyteDocument_OverTheBodyLimit_Refused413WithoutReadingIt()
    {
        var query = "{ " + Resident + " " + new string(' ', 2 * 1024 * 1024) + "}";

        await AssertRefusedAsync(await hub.DefaultsAsync(), Post(query), "MaxRequestBytes", beforeExecuter: true, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task LargeDocument_OverTheDocumentLimit_RefusedBeforeParsing()
    {
        // 100 kB: within the body limit (256 kB), over the document limit (32 kB).
        var query = "{ " + Resident + " " + string.Concat(Enumerable.Repeat("__typename ", 10_000)) + "}";

        await AssertRefusedAsync(await hub.DefaultsAsync(), Post(query), "MaxDocumentBytes", beforeExecuter: true);
    }

    [Fact]
    public async Task HundredThousandTokens_RefusedAtTheTokenLimitWithoutReadingTheRest()
    {
        // A syntax error at the very end: a parser reading the whole document would report it; the lexer stops first.
        var query = "{ " + Resident + " " + string.Concat(Enumerable.Repeat("a ", 100_000)) + "} )";
        Assert.True(query.Length < LimitsHubFixture.LargeDocumentBytes);

        await AssertRefusedAsync(await hub.LargeDocumentsAsync(), Post(query), "MaxTokens", beforeExecuter: true);
    }

    [Fact]
    public async Task CachedDocument_AnotherOperationOfTheSameText_IsWeighedAgain()
    {
        // The cheap operation runs and its document is kept; the costly one of the same text must still be weighed.
        const string Query = "query Cheap { r: resident(atenaNumber: \"200001\") { name } } "
            + "query Costly { r: resident(atenaNumber: \"200001\") { name } searchResidents(kana: \"ヤマダ\", first: 10) { household { members { household { members { name } } } } } }";
        var client = await hub.DefaultsAsync();
        var (first, firstBody) = await client.SendAsync(WithOperation(Post(Query), Query, "Cheap"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("山田 太郎", (string?)firstBody["data"]!["r"]!["name"]);

        await AssertRefusedAsync(client, WithOperation(Post(Query), Query, "Costly"), "MaxComplexity", beforeExecuter: false);
    }

    [Fact]
    public async Task CachedDocument_IncludeConditionFromAVariable_IsWeighedAgainForEachRequest()
    {
        // With $all false the costly part is skipped and the document runs and is kept; with $all true it is over the limit.
        const string Query = "query Q($all: Boolean!) { r: resident(atenaNumber: \"200001\") { name } "
            + "searchResidents(kana: \"ヤマダ\", first: 10) { household { members { household { members @include(if: $all) { name } } } } } }";
        var client = await hub.DefaultsAsync();
        var (first, firstBody) = await client.SendAsync(Post(Query, new { all = false }));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal("山田 太郎", (string?)firstBody["data"]!["r"]!["name"]);

        await AssertRefusedAsync(client, Post(Query, new { all = true }), "MaxComplexity", beforeExecuter: false);
    }

    private async Task AssertRefusedAsync(GraphQLClient client, HttpRequestMessage request, string setting, bool beforeExecuter, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        var records = await hub.AccessRecordCountAsync();
        var calls = hub.ExecuterCalls;

        var (response, body) = await client.SendAsync(request);

        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {Shorten(body)}");
        Assert.False(body.AsObject().ContainsKey("data"), "no data entry: " + Shorten(body));
        var errors = body["errors"]!.AsArray();
        Assert.All(errors, e => Assert.Equal("LIMIT_EXCEEDED", (string?)e!["extensions"]!["code"]));
        Assert.Contains(errors, e => ((string?)e!["message"])!.Contains("Hub:GraphQL:" + setting, StringComparison.Ordinal));
        Assert.Equal(records, await hub.AccessRecordCountAsync());
        if (beforeExecuter)
        {
            Assert.Equal(calls, hub.ExecuterCalls);
        }

        AssertServerTiming(response);
    }

    private static void AssertServerTiming(HttpResponseMessage response)
    {
        Assert.True(response.Headers.TryGetValues("Server-Timing", out var values), "no Server-Timing header");
        Assert.Matches(ServerTimingPattern(), Assert.Single(values));
    }

    /// <summary>A request as the demo resident clerk in the resident registry task, who may read residents' names.</summary>
    private static HttpRequestMessage Post(string query, object? variables = null) =>
        GraphQLClient.Post(query, variables, Clerks.ResidentClerk, Clerks.ResidentRegistry);

    private static HttpRequestMessage WithOperation(HttpRequestMessage request, string query, string operationName)
    {
        request.Content = new StringContent(new JsonObject { ["query"] = query, ["operationName"] = operationName }.ToJsonString(), Encoding.UTF8, "application/json");
        return request;
    }

    private static string Shorten(JsonNode body)
    {
        var text = body.ToJsonString();
        return text.Length <= 2_000 ? text : text[..2_000] + "…";
    }

    [GeneratedRegex(@"^hub;dur=\d+(\.\d+)?$")]
    private static partial Regex ServerTimingPattern();
}
