using System.Text.Json.Nodes;
using Hub.Capabilities.LifeEvents;
using Hub.Api.Security;
using Hub.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Api.Tests.PushTargets;

/// <summary>
/// The three disclosures the privacy-closure issue reported, each through POST /graphql on a generated SQLite city: a
/// registry clerk's life-event guide, a planner's list filtered on 国保, and a saved definition run under another task.
/// </summary>
[Collection(nameof(SqliteCities))]
public sealed class DisclosureGraphQLTests(SqliteCities cities)
{
    private const string Guide = "query($a: String!, $on: Date!) { lifeEventGuide(event: DEATH, atenaNumber: $a, on: $on) { procedures { id status reason done doneReason undecidedBy } } }";

    private static string Token(string user) => DevelopmentTokens.Issue(user, ["staff"], TimeSpan.FromMinutes(10));

    [Fact]
    public async Task LifeEventGuide_RegistryClerk_NhiProcedureIsToConfirmAlikeForInsuredAndUninsured()
    {
        await using var host = HubHost.Create("Development", cities.Databases[0].Options);
        var client = new GraphQLClient(host.CreateClient());
        await using var db = cities.Databases[0].CreateContext();
        var snapshot = await CitySnapshot.LoadAsync(db);
        var on = GeneratedCities.CityAsOf;
        var adults = snapshot.Living.Where(r => r.BirthDateLatest < on.AddYears(-30) && r.BirthDateEarliest > on.AddYears(-60)).ToList();
        var insured = adults.First(r => snapshot.NhiOn(r.AtenaNumber, on));
        var uninsured = adults.First(r => !snapshot.NhiOn(r.AtenaNumber, on));

        var answers = new List<JsonNode>();
        foreach (var person in new[] { insured, uninsured })
        {
            var (_, body) = await client.SendAsync(GraphQLClient.Post(Guide, new { a = person.AtenaNumber, on = "2026-04-01" }, Token("demo-resident-clerk"), "resident-registry", "death-counter"));
            Assert.True(body["errors"] is null, body.ToJsonString());
            answers.Add(body["data"]!["lifeEventGuide"]!["procedures"]!.AsArray().Single(p => p!["id"]!.GetValue<string>() == "nhi-loss")!);
        }

        // Listed for both, with a reason that says nothing of 国保: the answer does not vary with the insurance.
        Assert.Equal(answers[0].ToJsonString(), answers[1].ToJsonString());
        Assert.Equal("TO_CONFIRM", answers[0]["status"]!.GetValue<string>());
        Assert.Equal(LifeEventGuideService.ToConfirmReason, answers[0]["reason"]!.GetValue<string>());
        Assert.DoesNotContain("被保険者", answers[0].ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(["nhi.acquiredOn", "nhi.lostOn"], answers[0]["undecidedBy"]!.AsArray().Select(p => p!.GetValue<string>()));
    }

    [Fact]
    public async Task LifeEventGuide_RegistryClerk_AccessRecordNamesThePathsThatDecided()
    {
        var records = new CapturingAccessRecordWriter();
        await using var host = HubHost.Create("Development", cities.Databases[0].Options, services: s =>
            s.Replace(Microsoft.Extensions.DependencyInjection.ServiceDescriptor.Singleton<Hub.Capabilities.Audit.IAccessRecordWriter>(records)));
        var client = new GraphQLClient(host.CreateClient());
        await using var db = cities.Databases[0].CreateContext();
        var person = (await CitySnapshot.LoadAsync(db)).Living.First(r => r.HouseholdNumber is not null);

        var (_, body) = await client.SendAsync(GraphQLClient.Post(Guide, new { a = person.AtenaNumber, on = "2026-04-01" }, Token("demo-resident-clerk"), "resident-registry", "death-counter"));

        Assert.True(body["errors"] is null, body.ToJsonString());
        var paths = records.Appended.Single().Entry.Paths;
        Assert.Contains("resident.birthDate", paths); // subject.age decides 後期高齢者医療
        Assert.Contains("household.members", paths); // household.size decides 世帯主変更
        Assert.DoesNotContain(paths, p => p.StartsWith("nhi.", StringComparison.Ordinal) || p.StartsWith("tax.", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PushTargets_PlannerFiltersOnNhiMember_IsForbiddenNamingTheField()
    {
        await using var host = HubHost.Create("Development", cities.Databases[0].Options);
        var client = new GraphQLClient(host.CreateClient());

        var (_, body) = await client.SendAsync(GraphQLClient.Post(
            "query($c: String!) { pushTargets(criteria: $c, asOf: \"2026-04-01\") { totalCount nodes { name } } }", new { c = """{"nhiMember":true}""" }, Token("demo-planner"), "child-allowance", "push-notice"));

        Assert.Equal("FIELD_FORBIDDEN", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("nhi.acquiredOn", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(body["data"]);
    }

    [Theory]
    [InlineData("pushTargets(criteria: $c) { totalCount }")]
    [InlineData("pushTargetSummary(criteria: $c) { bands }")]
    public async Task SavedDefinition_UnderAnotherTask_IsForbiddenAsInTheExport(string field)
    {
        await using var host = HubHost.Create("Development", cities.Databases[0].Options);
        var client = new GraphQLClient(host.CreateClient());

        // demo-planner may extract in resident-registry too, but child-allowance-unclaimed is the child allowance task's list.
        var (_, body) = await client.SendAsync(GraphQLClient.Post(
            $"query($c: String!) {{ {field} }}", new { c = """{"definition":"child-allowance-unclaimed"}""" }, Token("demo-planner"), "resident-registry", "push-notice"));

        Assert.Equal("FIELD_FORBIDDEN", body["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
        Assert.Contains("'child-allowance'", body["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
