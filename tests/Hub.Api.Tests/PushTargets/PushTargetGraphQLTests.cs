using System.Text.Json.Nodes;
using Hub.Capabilities.PushTargets;
using Hub.Api.Security;
using Hub.Api.Tests.Support;

namespace Hub.Api.Tests.PushTargets;

/// <summary>pushTargets, pushTargetSummary and lifeEventGuide through POST /graphql on a generated SQLite city.</summary>
[Collection(nameof(SqliteCities))]
public sealed class PushTargetGraphQLTests(SqliteCities cities)
{
    private const string Criteria = """{"definition":"child-allowance-unclaimed"}""";

    private static string Token(string user) => DevelopmentTokens.Issue(user, ["staff"], TimeSpan.FromMinutes(10));

    [Fact]
    public async Task PushTargets_Planner_PagesEqualServiceWithTotalCount()
    {
        await using var host = HubHost.Create("Development", cities.Databases[2].Options);
        var client = new GraphQLClient(host.CreateClient());
        var query = new PushTargetQuery(cities.Databases[2].Factory, TimeProvider.System);
        var definitions = PushTargetDefinitionReader.LoadDirectory(Hub.Adapters.Catalog.SchemaDirectory.Find("push-targets"));
        var expected = await query.PageAsync(definitions["child-allowance-unclaimed"].Criteria, GeneratedCities.CityAsOf, 3, null, TestContext.Current.CancellationToken);

        var (_, body) = await client.SendAsync(GraphQLClient.Post(
            "query($c: String!) { pushTargets(criteria: $c, asOf: \"2026-04-01\", first: 3) { totalCount hasNextPage endCursor nodes { atenaNumber name ageUncertain } } }",
            new { c = Criteria }, Token("demo-planner"), "child-allowance", "push-notice"));

        var connection = body["data"]!["pushTargets"]!;
        Assert.Null(body["errors"]);
        Assert.Equal(expected.TotalCount, connection["totalCount"]!.GetValue<int>());
        Assert.Equal(expected.Rows.Select(r => r.AtenaNumber), connection["nodes"]!.AsArray().Select(n => n!["atenaNumber"]!.GetValue<string>()));
        Assert.Equal(expected.EndCursor, connection["endCursor"]!.GetValue<string>());
    }

    [Fact]
    public async Task PushTargets_WithoutTotalCount_PagesEqualServiceAndContinueAfterCursor()
    {
        await using var host = HubHost.Create("Development", cities.Databases[2].Options);
        var client = new GraphQLClient(host.CreateClient());
        var query = new PushTargetQuery(cities.Databases[2].Factory, TimeProvider.System);
        var definitions = PushTargetDefinitionReader.LoadDirectory(Hub.Adapters.Catalog.SchemaDirectory.Find("push-targets"));
        var first = await query.PageRowsAsync(definitions["child-allowance-unclaimed"].Criteria, GeneratedCities.CityAsOf, 2, null, TestContext.Current.CancellationToken);
        var second = await query.PageRowsAsync(definitions["child-allowance-unclaimed"].Criteria, GeneratedCities.CityAsOf, 2, first.EndCursor, TestContext.Current.CancellationToken);

        var (_, body) = await client.SendAsync(GraphQLClient.Post(
            "query($c: String!, $a: String) { pushTargets(criteria: $c, asOf: \"2026-04-01\", first: 2, after: $a) { hasNextPage endCursor nodes { atenaNumber } } }",
            new { c = Criteria, a = first.EndCursor }, Token("demo-planner"), "child-allowance", "push-notice"));

        Assert.Null(body["errors"]);
        var connection = body["data"]!["pushTargets"]!;
        Assert.Null(connection["totalCount"]);
        Assert.Equal(second.Rows.Select(r => r.AtenaNumber), connection["nodes"]!.AsArray().Select(n => n!["atenaNumber"]!.GetValue<string>()));
        Assert.Equal(second.HasNextPage, connection["hasNextPage"]!.GetValue<bool>());
    }

    [Fact]
    public async Task PushTargets_ClerkWithReadOnly_IsFieldForbidden()
    {
        await using var host = HubHost.Create("Development", cities.Databases[0].Options);
        var client = new GraphQLClient(host.CreateClient());

        var (_, body) = await client.SendAsync(GraphQLClient.Post(
            "query($c: String!) { pushTargets(criteria: $c) { totalCount } }", new { c = Criteria }, Token("demo-child-clerk"), "child-allowance", "push-notice"));

        Assert.Equal("FIELD_FORBIDDEN", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    [Fact]
    public async Task PushTargets_BadCriteria_NamesThePath()
    {
        await using var host = HubHost.Create("Development", cities.Databases[0].Options);
        var client = new GraphQLClient(host.CreateClient());

        var (_, body) = await client.SendAsync(GraphQLClient.Post(
            "query($c: String!) { pushTargets(criteria: $c) { totalCount } }", new { c = """{"age":{"min":0}}""" }, Token("demo-planner"), "child-allowance", "push-notice"));

        Assert.Contains("$.age.uncertain: required", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushTargetSummary_Planner_SuppressesSmallCells()
    {
        await using var host = HubHost.Create("Development", cities.Databases[1].Options);
        var client = new GraphQLClient(host.CreateClient());

        var (_, body) = await client.SendAsync(GraphQLClient.Post(
            "query($c: String!) { pushTargetSummary(criteria: $c, asOf: \"2026-04-01\") { bands cells { areaCode ageBand count suppressed } } }",
            new { c = """{"age":{"min":0,"uncertain":"include"}}""" }, Token("demo-planner"), "child-allowance", "push-notice"));

        var cells = body["data"]!["pushTargetSummary"]!["cells"]!.AsArray().Select(c => c!).ToList();
        Assert.NotEmpty(cells);
        Assert.All(cells, c => Assert.Equal(c["suppressed"]!.GetValue<bool>(), c["count"] is null));
        Assert.All(cells.Where(c => c["count"] is not null), c => Assert.True(c["count"]!.GetValue<int>() >= 10));
    }

    [Fact]
    public async Task LifeEventGuide_Birth_ListsProceduresWithFormsAndDone()
    {
        await using var host = HubHost.Create("Development", cities.Databases[0].Options);
        var client = new GraphQLClient(host.CreateClient());
        await using var db = cities.Databases[0].CreateContext();
        var snapshot = await CitySnapshot.LoadAsync(db);
        var baby = snapshot.Living.First(r => r.BirthDateEarliest > GeneratedCities.CityAsOf.AddYears(-1) && r.BirthDateLatest == r.BirthDateEarliest);

        var (_, body) = await client.SendAsync(GraphQLClient.Post(
            "query($a: String!) { lifeEventGuide(event: BIRTH, atenaNumber: $a, on: \"2026-04-01\") { event procedures { id department reason formId done } } }",
            new { a = baby.AtenaNumber }, Token("demo-resident-clerk"), "resident-registry", "birth-counter"));

        Assert.True(body["errors"] is null, body.ToJsonString());
        var procedures = body["data"]!["lifeEventGuide"]!["procedures"]!.AsArray().Select(p => p!).ToDictionary(p => p["id"]!.GetValue<string>());
        Assert.True(procedures["birth-registration"]["done"]!.GetValue<bool>());
        Assert.Contains(procedures.Keys, k => k.StartsWith("child-allowance-", StringComparison.Ordinal));
        Assert.Equal("BIRTH", body["data"]!["lifeEventGuide"]!["event"]!.GetValue<string>());
        Assert.IsType<JsonObject>(procedures["infant-checkup"]);
    }
}
