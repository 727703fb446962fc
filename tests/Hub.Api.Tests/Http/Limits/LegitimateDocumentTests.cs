using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hub.Api.Tests.GraphQL;
using Hub.Api.Tests.Support;

namespace Hub.Api.Tests.Http.Limits;

/// <summary>
/// The documents the repository itself sends pass the default limits (Development): GraphiQL's schema query and its
/// default query, the README's first query and the pre-fill benchmark's query. Each is read from where it lives, so
/// editing one of them is checked against the limits too.
/// </summary>
public sealed partial class LegitimateDocumentTests(LimitsHubFixture hub) : IClassFixture<LimitsHubFixture>
{
    /// <summary>
    /// GraphiQL's schema query, as the committed bundle (graphiql 4.1.2, graphql 16.15.0) builds it with the page's
    /// options, which are graphql-js' defaults: <c>getIntrospectionQuery()</c>, with descriptions and <c>typeDepth</c> 9.
    /// </summary>
    internal static string GraphiQLIntrospectionQuery() =>
        File.ReadAllText(Path.Combine(NodePackage.RepositoryRoot, "tests", "Hub.Api.Tests", "Http", "Limits", "graphiql-introspection.graphql"));

    [Fact]
    public void GraphiQLIntrospectionFile_BuiltByTheBundlesGraphQL()
    {
        // The file is graphql-js 16.15.0's getIntrospectionQuery(), which GraphiQL calls with typeDepth 9 (15 levels deep).
        using var package = JsonDocument.Parse(File.ReadAllText(Path.Combine(NodePackage.RepositoryRoot, "tools", "graphiql", "package.json")));
        var graphql = package.RootElement.GetProperty("dependencies").GetProperty("graphql").GetString();
        var bundle = File.ReadAllText(Path.Combine(NodePackage.RepositoryRoot, "src", "Hub.Api", "wwwroot", "graphiql", "graphiql.js"));

        Assert.True(graphql == "16.15.0" && bundle.Contains("typeDepth:9", StringComparison.Ordinal),
            $"GraphiQL now bundles graphql {graphql}: regenerate graphiql-introspection.graphql as docs/api.md (GraphiQL) says, and check the MaxDepth default against it.");
    }

    [Fact]
    public async Task GraphiQLIntrospection_Development_AnswersTheWholeSchema()
    {
        var request = GraphQLClient.Post(GraphiQLIntrospectionQuery(), token: Clerks.ResidentClerk, task: Clerks.ResidentRegistry);
        request.Content = Json(new JsonObject { ["query"] = GraphiQLIntrospectionQuery(), ["operationName"] = "IntrospectionQuery" });

        var (response, body) = await (await hub.DefaultsAsync()).SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.Null(body["errors"]);
        var types = body["data"]!["__schema"]!["types"]!.AsArray();
        var resident = Assert.Single(types, t => (string?)t!["name"] == "Resident");
        Assert.Contains(resident!["fields"]!.AsArray(), f => (string?)f!["name"] == "household");
    }

    [Fact]
    public async Task GraphiQLDefaultQuery_Development_Executes()
    {
        var page = File.ReadAllText(Path.Combine(NodePackage.RepositoryRoot, "tools", "graphiql", "src", "main.jsx"));
        var query = DefaultQuery().Match(page).Groups["query"].Value;
        Assert.Contains("resident(atenaNumber: $atena)", query, StringComparison.Ordinal);

        var body = await SendAsync(query, new { atena = CitySeed.Taro }, Clerks.ResidentClerk, Clerks.ResidentRegistry, "counter-identity-check");

        Assert.Equal("山田 太郎", (string?)body["data"]!["resident"]!["name"]);
    }

    [Fact]
    public async Task ReadmeFirstQuery_Executes()
    {
        var readme = File.ReadAllText(Path.Combine(NodePackage.RepositoryRoot, "README.md"));
        var json = ReadmeBody().Match(readme).Groups["json"].Value;
        var query = JsonDocument.Parse(json).RootElement.GetProperty("query").GetString()!;
        Assert.Contains("household { members", query, StringComparison.Ordinal);

        // The README's resident is the demo city's; this database has the seed's, so it is asked for instead.
        var body = await SendAsync(Regex.Replace(query, "atenaNumber: \"\\d+\"", $"atenaNumber: \"{CitySeed.Taro}\""), null, Clerks.ResidentClerk, Clerks.ResidentRegistry, "counter-identity-check");

        Assert.Equal("山田 太郎", (string?)body["data"]!["resident"]!["name"]);
    }

    [Fact]
    public async Task PrefillBenchmarkQuery_Executes()
    {
        var client = File.ReadAllText(Path.Combine(NodePackage.RepositoryRoot, "tests", "Hub.Api.Benchmarks", "PrefillClient.cs"));
        var query = BenchmarkQuery().Match(client).Groups["query"].Value;
        Assert.Contains("prefill(formId: $f, atenaNumber: $a)", query, StringComparison.Ordinal);

        var body = await SendAsync(query, new { f = "child-allowance-application", a = CitySeed.Taro }, Clerks.ChildClerk, Clerks.ChildAllowance, "benchmark");

        Assert.NotNull(body["data"]!["prefill"]!["items"]);
    }

    private async Task<JsonNode> SendAsync(string query, object? variables, string token, string task, string purpose)
    {
        var (response, body) = await (await hub.DefaultsAsync()).SendAsync(GraphQLClient.Post(query, variables, token, task, purpose, "DEMO-0001"));

        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToJsonString());
        Assert.DoesNotContain(body["errors"]?.AsArray() ?? [], e => (string?)e!["extensions"]?["code"] == "LIMIT_EXCEEDED");
        return body;
    }

    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    [GeneratedRegex(@"const defaultQuery = `(?<query>[^`]*)`", RegexOptions.CultureInvariant)]
    private static partial Regex DefaultQuery();

    [GeneratedRegex(@"-d '(?<json>\{""query"".*\})'", RegexOptions.CultureInvariant)]
    private static partial Regex ReadmeBody();

    [GeneratedRegex(@"private const string Query = ""(?<query>[^""]*)"";", RegexOptions.CultureInvariant)]
    private static partial Regex BenchmarkQuery();
}
