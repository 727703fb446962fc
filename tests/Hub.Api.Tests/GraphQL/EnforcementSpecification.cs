using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Adapters.Catalog;
using Hub.Capabilities.Audit;
using Hub.Api.Tests.Support;
using Hub.Data.Entities;
using Hub.Policy.Enforcement;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Api.Tests.GraphQL;

/// <summary>
/// 項目マスク enforcement and access records end to end through HTTP: every catalog field under every (user, task) of the
/// default policy against the policy engine's own decision; fragments, aliases, variables and nesting; resident
/// principals; one hash-chained record per response, or no response. Each provider subclasses it.
/// </summary>
public abstract class EnforcementSpecification<TFixture>(TFixture fixture)
    where TFixture : HubGraphQLFixture
{
    private static readonly FieldCatalog Catalog = FieldCatalog.LoadDefault();
    private static readonly Enforcer Policy = Enforcer.FromFiles(
        Path.Combine(SchemaDirectory.Find("policy"), "model.conf"), Path.Combine(SchemaDirectory.Find("policy"), "policy.csv"));

    // Where each record's fields sit in the answer, and the relation field that leads there.
    private static readonly Dictionary<string, (string[] Prefix, string? Relation)> Places = new()
    {
        ["resident"] = (["who"], null),
        ["household"] = (["who", "household"], "who/household"),
        ["tax"] = (["who", "taxAssessments", "0"], "who/taxAssessments"),
        ["nhi"] = (["who", "nhiQualification"], "who/nhiQualification"),
        ["childAllowance"] = (["who", "childAllowanceEntitlements", "0"], "who/childAllowanceEntitlements"),
        // Kinds declared as data: a list field of Resident named after the kind.
        ["longTermCare"] = (["who", "longTermCare", "0"], "who/longTermCare"),
        ["lateElderly"] = (["who", "lateElderly", "0"], "who/lateElderly"),
        ["residenceStatus"] = (["who", "residenceStatus", "0"], "who/residenceStatus"),
    };

    public static TheoryData<string, string> DefaultPolicyUsersAndTasks()
    {
        var data = new TheoryData<string, string>();
        foreach (var (user, task) in Policy.GetGroupingPolicy().Select(g => (g[0], g[2])).Distinct())
        {
            data.Add(user, task);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DefaultPolicyUsersAndTasks))]
    public async Task EveryCatalogField_DefaultPolicyUserAndTask_MatchesPolicyEngine(string user, string task)
    {
        var client = await fixture.ClientAsync();

        var (response, body) = await client.SendAsync(GraphQLClient.Post(EveryFieldQuery(), new { atena = RelatedSeed.Head, myNumber = RelatedSeed.HeadMyNumber }, Clerks.Staff(user), task));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var forbidden = ForbiddenPaths(body);
        var mismatches = new List<string>();
        foreach (var field in Catalog.Fields)
        {
            var (prefix, relation) = Places[field.Record];
            var path = string.Join('/', prefix.Append(field.Name));
            var allowed = Policy.Enforce(user, task, field.Path, "read");
            var refused = forbidden.Contains(path) || (relation is not null && forbidden.Contains(relation));
            var value = Navigate(body["data"], [.. prefix, field.Name]);
            if (allowed && (refused || value is null))
            {
                mismatches.Add($"{field.Path}: policy allows, API answered {(refused ? "FIELD_FORBIDDEN" : "null")}");
            }
            else if (!allowed && (!refused || value is not null))
            {
                mismatches.Add($"{field.Path}: policy denies, API answered {(refused ? "a value" : "without FIELD_FORBIDDEN")}");
            }
        }

        var lookup = Policy.Enforce(user, task, "resident.myNumber", "lookup");
        if (lookup != (body["data"]!["byNumber"] is not null) || lookup == forbidden.Contains("byNumber"))
        {
            mismatches.Add($"resident.myNumber lookup: policy {(lookup ? "allows" : "denies")}, API disagrees");
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public async Task MyNumber_TraineeThroughFragmentsAliasesVariablesAndNestedHouseholds_AlwaysForbidden()
    {
        var client = await fixture.ClientAsync();
        const string query = """
            query Q($a: String!, $deep: Boolean!) {
              x: resident(atenaNumber: $a) { ...F household { members { ... on Resident { alias1: myNumber } household { members { myNumber @include(if: $deep) } } } } }
              y: household(householdNumber: "300000") { members { ...F } }
            }
            fragment F on Resident { mn: myNumber name }
            """;

        var (_, body) = await client.SendAsync(GraphQLClient.Post(query, new { a = RelatedSeed.Head, deep = true }, Clerks.Trainee, Clerks.ResidentRegistry));

        Assert.DoesNotContain(RelatedSeed.HeadMyNumber, body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("佐藤 健", (string?)body["data"]!["x"]!["name"]); // allowed fields beside the forbidden one still resolve
        var forbidden = ForbiddenPaths(body);
        Assert.Contains("x/mn", forbidden);
        Assert.Contains("x/household/members/0/alias1", forbidden);
        Assert.Contains("x/household/members/1/household/members/0/myNumber", forbidden);
        Assert.Contains("y/members/1/mn", forbidden);
    }

    [Fact]
    public async Task UnknownUserOrTask_EveryPersonalFieldForbidden()
    {
        var client = await fixture.ClientAsync();

        var (_, body) = await client.SendAsync(GraphQLClient.Post("{ resident(atenaNumber: \"300001\") { name address household { address } } }", token: Clerks.Staff("someone-else"), task: Clerks.ResidentRegistry));

        // The household relation itself is refused: no household.* field may be read, so even its existence is withheld.
        Assert.Equal(["resident/address", "resident/household", "resident/name"], ForbiddenPaths(body).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Me_ResidentPrincipal_OwnDataOnlyNeverAnotherResidents()
    {
        var client = await fixture.ClientAsync();
        const string query = """
            { me { resident { name myNumber taxAssessments { taxableIncome } } household { address members { atenaNumber name } } }
              other: resident(atenaNumber: "300002") { name } }
            """;

        var (_, body) = await client.SendAsync(GraphQLClient.Post(query, token: Clerks.Resident(RelatedSeed.Head), task: "self-view"));

        var me = body["data"]!["me"]!;
        Assert.Equal("佐藤 健", (string?)me["resident"]!["name"]);
        Assert.Equal(RelatedSeed.HeadMyNumber, (string?)me["resident"]!["myNumber"]);
        Assert.Equal(3_100_000, (long?)me["resident"]!["taxAssessments"]![0]!["taxableIncome"]);
        Assert.Equal("札幌市中央区北2条西1丁目1番地", (string?)me["household"]!["address"]);
        Assert.Equal("佐藤 健", (string?)me["household"]!["members"]![0]!["name"]);
        Assert.Null((string?)me["household"]!["members"]![1]!["name"]);
        Assert.DoesNotContain("佐藤 陽", body.ToJsonString(), StringComparison.Ordinal);
        Assert.Null(body["data"]!["other"]);
        Assert.Contains("other", ForbiddenPaths(body));
        Assert.Contains("me/household/members/1/name", ForbiddenPaths(body));
    }

    [Fact]
    public async Task Me_Staff_Forbidden()
    {
        var client = await fixture.ClientAsync();

        var (_, body) = await client.SendAsync(GraphQLClient.Post("{ me { resident { name } } }", token: Clerks.ResidentClerk, task: Clerks.ResidentRegistry));

        Assert.Null(body["data"]!["me"]);
        Assert.Equal(["me"], ForbiddenPaths(body));
    }

    [Fact]
    public async Task AccessRecord_OneResponse_OneChainedRecordWithWhoWhatAndMyNumberFlag()
    {
        var client = await fixture.ClientAsync();
        var database = await fixture.DatabaseAsync();
        var before = await CountAsync(database);

        var (_, body) = await client.SendAsync(GraphQLClient.Post(
            "{ a: resident(atenaNumber: \"300001\") { name myNumber } b: resident(atenaNumber: \"300002\") { name } }",
            token: Clerks.ResidentClerk, task: Clerks.ResidentRegistry, purpose: "転入届の確認", caseId: "CASE-900"));

        Assert.Null(body["errors"]);
        await using var db = database.CreateContext();
        var records = await db.AccessRecords.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(before + 1, records.Count);
        var record = records[^1];
        Assert.Equal("demo-resident-clerk", record.UserId);
        Assert.Equal((Clerks.ResidentRegistry, "転入届の確認", "CASE-900"), (record.Task, record.Purpose, record.Case));
        Assert.Equal([RelatedSeed.Head, RelatedSeed.Child], AccessRecordFormat.SplitSubjects(record.SubjectAtenaNumbers));
        Assert.Equal(["resident.myNumber", "resident.name"], AccessRecordFormat.SplitPaths(record.FieldPaths));
        Assert.True(record.MyNumberUsed);
        Assert.Equal("1", record.PolicyVersion);
        Assert.Empty(AccessRecordVerifier.Verify(records, await db.AccessRecordHeads.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task AccessRecord_NoPersonalData_NoRecord()
    {
        var client = await fixture.ClientAsync();
        var database = await fixture.DatabaseAsync();
        var before = await CountAsync(database);

        await client.SendAsync(GraphQLClient.Post("{ __typename resident(atenaNumber: \"300001\") { name } }", token: Clerks.Staff("someone-else"), task: Clerks.ResidentRegistry));

        Assert.Equal(before, await CountAsync(database));
    }

    [Fact]
    public async Task AccessRecord_ConcurrentResponses_ChainStaysLinear()
    {
        var client = await fixture.ClientAsync();
        var database = await fixture.DatabaseAsync();
        var before = await CountAsync(database);

        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => client.SendAsync(GraphQLClient.Post(
            "{ resident(atenaNumber: \"300001\") { name } }", token: Clerks.ResidentClerk, task: Clerks.ResidentRegistry, caseId: "C-" + i))));

        await using var db = database.CreateContext();
        var records = await db.AccessRecords.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(before + 16, records.Count);
        Assert.Equal(Enumerable.Range(1, records.Count).Select(i => (long)i), records.Select(r => r.Sequence));
        Assert.Empty(AccessRecordVerifier.Verify(records, await db.AccessRecordHeads.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task AccessRecord_CannotBeWritten_RequestFailsAndNoDataLeaves()
    {
        await using var host = await fixture.HostAsync(services => services.AddSingleton<IAccessRecordWriter, FailingAccessRecordWriter>());
        var client = new GraphQLClient(host.CreateClient());

        var (response, body) = await client.SendAsync(GraphQLClient.Post("{ resident(atenaNumber: \"300001\") { name } }", token: Clerks.ResidentClerk, task: Clerks.ResidentRegistry));

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Null((JsonNode?)body["data"]);
        Assert.Equal("INTERNAL_ERROR", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.DoesNotContain("佐藤", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AccessRecords_PrivacyOfficer_ReadsRecordsAboutAResident_ClerkForbidden()
    {
        var client = await fixture.ClientAsync();
        await client.SendAsync(GraphQLClient.Post("{ resident(atenaNumber: \"300002\") { name } }", token: Clerks.ResidentClerk, task: Clerks.ResidentRegistry, caseId: "CASE-PO"));
        const string query = "{ accessRecords(atenaNumber: \"300002\") { sequence userId task case subjects fieldPaths myNumberUsed policyVersion } }";

        var (_, officer) = await client.SendAsync(GraphQLClient.Post(query, token: Clerks.PrivacyOfficer, task: Clerks.PrivacyAudit));
        var (_, clerk) = await client.SendAsync(GraphQLClient.Post(query, token: Clerks.ResidentClerk, task: Clerks.ResidentRegistry));
        var (_, wrongTask) = await client.SendAsync(GraphQLClient.Post(query, token: Clerks.PrivacyOfficer, task: Clerks.ResidentRegistry));

        Assert.Null(officer["errors"]);
        Assert.Contains(officer["data"]!["accessRecords"]!.AsArray(), r => (string?)r!["case"] == "CASE-PO" && (string?)r["userId"] == "demo-resident-clerk");
        Assert.Equal(["accessRecords"], ForbiddenPaths(clerk));
        Assert.Equal(["accessRecords"], ForbiddenPaths(wrongTask));
    }

    [Fact]
    public async Task Me_AccessRecords_ResidentSeesWhoLookedAtThemAndNoOneElse()
    {
        var client = await fixture.ClientAsync();
        await client.SendAsync(GraphQLClient.Post("{ a: resident(atenaNumber: \"300002\") { name } b: resident(atenaNumber: \"300001\") { name } }", token: Clerks.ResidentClerk, task: Clerks.ResidentRegistry, caseId: "CASE-ME"));

        var (_, body) = await client.SendAsync(GraphQLClient.Post("{ me { accessRecords { userId case subjects } } }", token: Clerks.Resident(RelatedSeed.Child), task: "self-view"));

        var records = body["data"]!["me"]!["accessRecords"]!.AsArray();
        var seen = Assert.Single(records, r => (string?)r!["case"] == "CASE-ME")!;
        Assert.Equal([RelatedSeed.Child], seen["subjects"]!.AsArray().Select(s => (string?)s));
        Assert.DoesNotContain(RelatedSeed.Head, body.ToJsonString(), StringComparison.Ordinal);
    }

    private static string EveryFieldQuery()
    {
        var sb = new StringBuilder("query Q($atena: String!, $myNumber: String!) {\n  who: resident(atenaNumber: $atena) { ...R household { ...H } ");
        sb.Append("taxAssessments { ").Append(Selection("tax")).Append(" } ");
        sb.Append("nhiQualification { ").Append(Selection("nhi")).Append(" } ");
        sb.Append("childAllowanceEntitlements { ").Append(Selection("childAllowance")).Append(" } ");
        foreach (var kind in Catalog.GenericKinds)
        {
            sb.Append(kind.Name).Append(" { ").Append(Selection(kind.Name)).Append(" } ");
        }

        sb.Append("}\n");
        sb.Append("  byNumber: residentByMyNumber(myNumber: $myNumber) { __typename }\n}\n");
        sb.Append("fragment R on Resident { ").Append(Selection("resident")).Append(" }\n");
        sb.Append("fragment H on Household { ").Append(Selection("household")).Append(" }\n");
        return sb.ToString();
    }

    private static string Selection(string record) => string.Join(' ', Catalog.Fields.Where(f => f.Record == record).Select(f => f.Name switch
    {
        "birthDate" => "birthDate { text }",
        "members" => "members { __typename }",
        var name => name,
    }));

    private static HashSet<string> ForbiddenPaths(JsonNode body) =>
        [.. (body["errors"]?.AsArray() ?? [])
            .Where(e => (string?)e!["extensions"]?["code"] == "FIELD_FORBIDDEN")
            .Select(e => string.Join('/', e!["path"]!.AsArray().Select(p => p!.ToString())))];

    private static JsonNode? Navigate(JsonNode? node, IEnumerable<string> path)
    {
        foreach (var step in path)
        {
            node = node switch
            {
                JsonArray array => int.TryParse(step, out var i) && i < array.Count ? array[i] : null,
                JsonObject obj => obj[step],
                _ => null,
            };
        }

        return node;
    }

    private static async Task<int> CountAsync(Hub.Testing.Databases.TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.AccessRecords.CountAsync(TestContext.Current.CancellationToken);
    }

    private sealed class FailingAccessRecordWriter : IAccessRecordWriter
    {
        public Task<AccessRecord> AppendAsync(Hub.Capabilities.Requests.HubRequestContext context, AccessEntry entry, string policyVersion, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("the audit database is unreachable");
    }
}
