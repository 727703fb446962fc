using System.Net;
using System.Text.Json.Nodes;
using Hub.Api.Security;
using Hub.Api.Tests.Security;
using Hub.Api.Tests.Support;

namespace Hub.Api.Tests.Http;

/// <summary>
/// Limits over HTTP on a host with small ones (depth 4, complexity 40): depth and complexity (LIMIT_EXCEEDED, no data),
/// meta fields and introspection counted like any field, batching refused, introspection only in Development. The
/// shapes of abuse and the repository's own documents under the default limits are in <c>Limits/</c>.
/// </summary>
public sealed class LimitsTests(HttpHubFixture hub) : IClassFixture<HttpHubFixture>
{
    [Fact]
    public async Task Depth_OverTheLimit_LimitExceededAndNoData()
    {
        // resident (1) → household (2) → members (3) → household (4) → householdNumber (5)
        var (response, body) = await hub.Development().SendAsync(GraphQLClient.Post(
            "{ resident(atenaNumber: \"200001\") { household { members { household { householdNumber } } } } }"));

        AssertLimitExceeded(response, body, "Hub:GraphQL:MaxDepth");
    }

    [Fact]
    public async Task Depth_AtTheLimit_Executes()
    {
        var (response, body) = await hub.Development().SendAsync(GraphQLClient.Post(
            "{ resident(atenaNumber: \"200001\") { household { members { atenaNumber } } } }"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(body.AsObject().ContainsKey("data"));
        Assert.DoesNotContain(body["errors"]?.AsArray() ?? [], e => (string?)e!["extensions"]!["code"] == "LIMIT_EXCEEDED");
    }

    [Fact]
    public async Task Complexity_OverTheLimit_LimitExceededAndNoData()
    {
        // Ten aliased residents of five fields each: shallow, but well over a complexity of 40.
        var query = "{ " + string.Concat(Enumerable.Range(0, 10).Select(i => $"r{i}: resident(atenaNumber: \"20000{i}\") {{ atenaNumber name nameKana sex address }} ")) + "}";

        var (response, body) = await hub.Development().SendAsync(GraphQLClient.Post(query));

        AssertLimitExceeded(response, body, "Hub:GraphQL:MaxComplexity");
    }

    [Fact]
    public async Task Batch_JsonArray_Refused400()
    {
        var request = GraphQLClient.Post("{ __typename }");
        request.Content = new StringContent("[{\"query\":\"{ __typename }\"},{\"query\":\"{ __typename }\"}]", System.Text.Encoding.UTF8, "application/json");

        var (response, body) = await hub.Development().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(body["data"]);
        Assert.Contains("Batched", (string?)body["errors"]![0]!["message"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ __schema { queryType { name } } }")]
    [InlineData("{ __type(name: \"Resident\") { name } }")]
    [InlineData("{ __typename a: __schema { types { name } } }")]
    public async Task Introspection_OutsideDevelopment_ValidationErrorAndNoData(string query)
    {
        var token = TestTokens.Sign(hub.ProductionKey, "counter-clerk-1", ["resident-clerk"]);

        var (response, body) = await hub.Production().SendAsync(GraphQLClient.Post(query, token: token));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body.AsObject().ContainsKey("data"));
        Assert.Contains("introspection", (string?)body["errors"]![0]!["message"], StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Typename_OutsideDevelopment_IsNotIntrospectionAndWorks()
    {
        var token = TestTokens.Sign(hub.ProductionKey, "counter-clerk-1", ["resident-clerk"]);

        var (response, body) = await hub.Production().SendAsync(GraphQLClient.Post("{ __typename }", token: token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Query", (string?)body["data"]!["__typename"]);
    }

    [Fact]
    public async Task Introspection_InDevelopment_IsHeldToTheDepthLimitToo()
    {
        // Introspection used to be exempt from depth and complexity; GraphiQL's schema query passes the default limits
        // (LegitimateDocumentTests), not this host's depth of 4.
        const string TypeRef = "kind name ofType { kind name ofType { kind name } }";
        var query = $"query IntrospectionQuery {{ __schema {{ queryType {{ name }} types {{ name fields {{ name type {{ {TypeRef} }} }} }} }} }}";

        var (response, body) = await hub.Development().SendAsync(GraphQLClient.Post(query));

        AssertLimitExceeded(response, body, "Hub:GraphQL:MaxDepth");
    }

    [Fact]
    public async Task TypenameAliases_OverTheComplexityLimit_LimitExceeded()
    {
        // Only meta fields: no longer taken for an introspection document exempt from the limits.
        var query = "{ " + string.Concat(Enumerable.Range(0, 30).Select(i => $"a{i}: __typename b{i}: __typename ")) + "}";

        var (response, body) = await hub.Development().SendAsync(GraphQLClient.Post(query));

        AssertLimitExceeded(response, body, "Hub:GraphQL:MaxAliases");
    }

    [Fact]
    public async Task Typenames_OverTheComplexityLimit_LimitExceeded()
    {
        var query = "{ " + string.Concat(Enumerable.Range(0, 41).Select(_ => "__typename ")) + "}";

        var (response, body) = await hub.Development().SendAsync(GraphQLClient.Post(query));

        AssertLimitExceeded(response, body, "Hub:GraphQL:MaxComplexity");
    }

    [Fact]
    public async Task IntrospectionMixedWithData_InDevelopment_IsHeldToTheLimits()
    {
        var (response, body) = await hub.Development().SendAsync(GraphQLClient.Post(
            "{ __schema { queryType { name } } resident(atenaNumber: \"200001\") { household { members { household { householdNumber } } } } }"));

        AssertLimitExceeded(response, body, "Hub:GraphQL:MaxDepth");
    }

    [Fact]
    public async Task PageSize_QueryValidatedBeforeAskedAgainWithALargerVariable_LimitExceeded()
    {
        // The first request validates the document and the hub keeps it; the page-size rule still runs on the second.
        const string Query = "query Search($n: Int) { searchResidents(kana: \"ヤマダ\", first: $n) { atenaNumber } }";
        var (first, firstBody) = await hub.Development().SendAsync(GraphQLClient.Post(Query, new { n = 5 }));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.True(firstBody.AsObject().ContainsKey("data"));

        var (second, secondBody) = await hub.Development().SendAsync(GraphQLClient.Post(Query, new { n = 11 }));

        AssertLimitExceeded(second, secondBody, "Hub:GraphQL:MaxPageSize");
    }

    [Fact]
    public async Task InvalidDocument_SentTwice_RefusedBothTimes()
    {
        for (var i = 0; i < 2; i++)
        {
            var (response, body) = await hub.Development().SendAsync(GraphQLClient.Post("{ resident(atenaNumber: \"200001\") { noSuchField } }"));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.False(body.AsObject().ContainsKey("data"));
            Assert.Contains("noSuchField", (string?)body["errors"]![0]!["message"], StringComparison.Ordinal);
        }
    }

    private static void AssertLimitExceeded(HttpResponseMessage response, JsonNode body, string setting)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.False(body.AsObject().ContainsKey("data"), "no data entry: " + body.ToJsonString());
        // A deep query is often complex too: every error is a limit, and one names the setting.
        var errors = body["errors"]!.AsArray();
        Assert.All(errors, e => Assert.Equal("LIMIT_EXCEEDED", (string?)e!["extensions"]!["code"]));
        Assert.Contains(errors, e => ((string?)e!["message"])!.Contains(setting, StringComparison.Ordinal));
    }
}
