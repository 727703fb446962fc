using System.Text.Json.Nodes;
using Hub.Api.Tests.GraphQL;
using Hub.Api.Tests.Support;

namespace Hub.Api.Tests.LifeEvents;

/// <summary>
/// lifeEventGuide is callable under every task that handles one of the event's procedures (the registry, 国保, 児童手当,
/// 介護保険, 後期高齢者医療), each learning what its policy lets it read; a task that can decide none of the event's facts is
/// refused before anything is loaded, so it cannot tell whether the resident exists.
/// </summary>
public abstract class LifeEventGuideTaskSpecification<TFixture>(TFixture fixture)
    where TFixture : HubGraphQLFixture
{
    private const string Query = "query($a: String!, $e: LifeEvent!) { lifeEventGuide(event: $e, atenaNumber: $a, on: \"2026-04-01\") { event procedures { id status } } }";

    [Theory]
    [InlineData("resident-registry", "demo-resident-clerk", "MOVE_OUT", "move-out-notification")]
    [InlineData("nhi", "demo-nhi-clerk", "DEATH", "funeral-expenses")]
    [InlineData("nhi", "demo-nhi-clerk", "MOVE_OUT", "nhi-loss")]
    [InlineData("child-allowance", "demo-child-clerk", "BIRTH", "child-allowance-application")]
    [InlineData("long-term-care", "demo-ltc-clerk", "DEATH", "ltc-loss")]
    [InlineData("late-elderly", "demo-late-elderly-clerk", "DEATH", "funeral-expenses")]
    public async Task Guide_UnderATaskHandlingOneOfItsProcedures_Answers(string task, string user, string lifeEvent, string procedure)
    {
        var body = await AskAsync(task, user, lifeEvent, RelatedSeed.Head);

        Assert.True(body["errors"] is null, body.ToJsonString());
        Assert.Equal(lifeEvent, body["data"]!["lifeEventGuide"]!["event"]!.GetValue<string>());
        var ids = body["data"]!["lifeEventGuide"]!["procedures"]!.AsArray().Select(p => p!["id"]!.GetValue<string>()).ToList();
        Assert.Contains(procedure, ids);
    }

    [Fact]
    public async Task Guide_UnderATaskThatDecidesNothing_IsForbidden_WhetherOrNotTheResidentExists()
    {
        var known = await AskAsync("privacy-audit", "demo-privacy-officer", "DEATH", RelatedSeed.Head);
        var unknown = await AskAsync("privacy-audit", "demo-privacy-officer", "DEATH", "999999");

        Assert.Equal("FIELD_FORBIDDEN", known["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Equal(known["errors"]![0]!["message"]!.GetValue<string>(), unknown["errors"]![0]!["message"]!.GetValue<string>());
    }

    private async Task<JsonNode> AskAsync(string task, string user, string lifeEvent, string atena)
    {
        var client = await fixture.ClientAsync();
        var (_, body) = await client.SendAsync(GraphQLClient.Post(Query, new { a = atena, e = lifeEvent }, Clerks.Staff(user), task));
        return body;
    }
}

/// <summary>Guides per task on SQLite.</summary>
public sealed class SqliteLifeEventGuideTaskTests(SqliteHubGraphQLFixture fixture)
    : LifeEventGuideTaskSpecification<SqliteHubGraphQLFixture>(fixture), IClassFixture<SqliteHubGraphQLFixture>;

/// <summary>Guides per task on PostgreSQL.</summary>
public sealed class PostgreSqlLifeEventGuideTaskTests(PostgreSqlHubGraphQLFixture fixture)
    : LifeEventGuideTaskSpecification<PostgreSqlHubGraphQLFixture>(fixture), IClassFixture<PostgreSqlHubGraphQLFixture>;
