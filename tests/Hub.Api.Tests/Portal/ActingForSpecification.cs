using System.Text.Json.Nodes;
using Hub.Api.Security;
using Hub.Api.Tests.Support;
using Hub.Capabilities.Audit;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Tests.Portal;

/// <summary>
/// 法定代理・世帯 end to end through HTTP and GraphQL, per provider: a resident principal acts for the members of their
/// household the registry makes them 世帯主 or 親権者 of, reading each as the policy rows of that ground allow in task
/// resident-portal; every such read is recorded with the member as subject, the resident as user and an on-behalf marker;
/// the sign-in's assurance level bounds everything (JPKI / password / none).
/// </summary>
public abstract class ActingForSpecification<TFixture>(TFixture fixture)
    where TFixture : PortalFixture
{
    private const string PortalTask = "resident-portal";

    [Fact]
    public async Task Head_ActsForEveryMember_OnTheGroundsTheRegistryGives()
    {
        var body = await AskAsync(PortalSeed.Head, "{ me { actingFor { grounds { role label } resident { atenaNumber name } } } }");

        Assert.True(body["errors"] is null, body.ToJsonString());
        var members = body["data"]!["me"]!["actingFor"]!.AsArray().ToDictionary(m => m!["resident"]!["atenaNumber"]!.GetValue<string>(), m => m!["grounds"]!.AsArray().Select(g => g!["label"]!.GetValue<string>()).ToList());
        Assert.Equal([PortalSeed.Wife, PortalSeed.Minor, PortalSeed.AdultSon], members.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["世帯主", "親権者"], members[PortalSeed.Minor]);
        Assert.Equal(["世帯主"], members[PortalSeed.Wife]);
        Assert.Equal(["世帯主"], members[PortalSeed.AdultSon]);
    }

    [Fact]
    public async Task Wife_ActsForHerMinorChildOnly_AndTheAdultSonForNobody()
    {
        var wife = await AskAsync(PortalSeed.Wife, "{ me { actingFor { grounds { role } resident { atenaNumber } } } }");
        var son = await AskAsync(PortalSeed.AdultSon, "{ me { actingFor { resident { atenaNumber } } } }");

        var only = Assert.Single(wife["data"]!["me"]!["actingFor"]!.AsArray())!;
        Assert.Equal(PortalSeed.Minor, only["resident"]!["atenaNumber"]!.GetValue<string>());
        Assert.Equal("ground:parental-authority", Assert.Single(only["grounds"]!.AsArray())!["role"]!.GetValue<string>());
        Assert.Empty(son["data"]!["me"]!["actingFor"]!.AsArray());
    }

    [Fact]
    public async Task GroundsReadWhatTheirPolicyRowsAllow_NeverAMembersMyNumber_OwnOnlyAtJpki()
    {
        var body = await AskAsync(PortalSeed.Head, "{ me { resident { myNumber } actingFor { resident { atenaNumber myNumber nhiQualification { insuredNumber } } } } }");

        var byAtena = body["data"]!["me"]!["actingFor"]!.AsArray().ToDictionary(m => m!["resident"]!["atenaNumber"]!.GetValue<string>(), m => m!["resident"]!);
        Assert.DoesNotContain(PortalSeed.MinorMyNumber, body.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(PortalSeed.HeadMyNumber, body["data"]!["me"]!["resident"]!["myNumber"]!.GetValue<string>());
        Assert.Equal("N-510003", byAtena[PortalSeed.Minor]["nhiQualification"]!["insuredNumber"]!.GetValue<string>());
        Assert.Null(byAtena[PortalSeed.Wife]["nhiQualification"]?["insuredNumber"]);
        var forbidden = body["errors"]!.AsArray().Select(e => string.Join('/', e!["path"]!.AsArray().Select(p => p!.ToString()))).ToList();
        Assert.Equal(3, forbidden.Count(p => p.EndsWith("/resident/myNumber", StringComparison.Ordinal)));
        Assert.All(body["errors"]!.AsArray(), e => Assert.Equal("FIELD_FORBIDDEN", e!["extensions"]!["code"]!.GetValue<string>()));

        // At password level the resident's own My Number is refused too, and everything else still reads.
        var password = await AskAsync(PortalSeed.Head, "{ me { assurance resident { myNumber name } actingFor { resident { atenaNumber myNumber } } } }", acr: "password");
        Assert.Equal("PASSWORD", password["data"]!["me"]!["assurance"]!.GetValue<string>());
        Assert.Equal("川口 誠", password["data"]!["me"]!["resident"]!["name"]!.GetValue<string>());
        Assert.DoesNotContain(PortalSeed.MinorMyNumber, password.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains(password["errors"]!.AsArray(), e => e!["path"]!.ToJsonString() == "[\"me\",\"resident\",\"myNumber\"]");
    }

    [Fact]
    public async Task NoAssurance_ReadsNothing()
    {
        var body = await AskAsync(PortalSeed.Head, "{ me { assurance resident { name } actingFor { resident { name } } } }", acr: "none");

        Assert.Equal("NONE", body["data"]!["me"]!["assurance"]!.GetValue<string>());
        Assert.Null(body["data"]!["me"]!["resident"]!["name"]);
        Assert.DoesNotContain("川口", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnderAnotherTask_NoPolicyRow_TheMembersReadNothing()
    {
        var body = await AskAsync(PortalSeed.Head, "{ me { resident { name } actingFor { resident { name } } } }", task: "self-view");

        Assert.Equal("川口 誠", body["data"]!["me"]!["resident"]!["name"]!.GetValue<string>());
        Assert.All(body["data"]!["me"]!["actingFor"]!.AsArray(), m => Assert.Null(m!["resident"]!["name"]));
        Assert.DoesNotContain("川口 真理", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberPrefill_FilledForTheChild_AndRecordedOnTheirBehalf()
    {
        var database = await fixture.DatabaseAsync();
        var body = await AskAsync(PortalSeed.Wife, """{ me { actingFor { prefill(formId: "nhi-enrolment") { items { id status value } } } } }""");

        Assert.True(body["errors"] is null, body.ToJsonString());
        var items = body["data"]!["me"]!["actingFor"]![0]!["prefill"]!["items"]!.AsArray();
        Assert.Contains(items, i => i!["value"]?.ToString() == "川口 陽菜" && i["status"]!.GetValue<string>() == "FILLED");
        Assert.Contains(items, i => i!["status"]!.GetValue<string>() == "WITHHELD");

        await using var check = database.CreateContext();
        var record = await check.AccessRecords.AsNoTracking().OrderByDescending(r => r.Sequence).FirstAsync(TestContext.Current.CancellationToken);
        Assert.Equal("portal-" + PortalSeed.Wife, record.UserId);
        Assert.Contains(PortalSeed.Minor, AccessRecordFormat.SplitSubjects(record.SubjectAtenaNumbers));
        Assert.Contains(AccessCollector.OnBehalfOf + PortalSeed.Minor, record.Operation, StringComparison.Ordinal);
        Assert.DoesNotContain(AccessCollector.OnBehalfOf + PortalSeed.Head, record.Operation, StringComparison.Ordinal);
        Assert.Contains("resident.relationship", AccessRecordFormat.SplitPaths(record.FieldPaths));
    }

    [Fact]
    public async Task OwnPrefillAndGuide_OwnDataIsNotOnAnyonesBehalf()
    {
        var database = await fixture.DatabaseAsync();
        var body = await AskAsync(PortalSeed.AdultSon, """{ me { prefill(formId: "nhi-enrolment") { items { id status value } } lifeEventGuide(event: MOVE_OUT) { atenaNumber procedures { id status } } } }""");

        Assert.True(body["errors"] is null, body.ToJsonString());
        Assert.Contains(body["data"]!["me"]!["prefill"]!["items"]!.AsArray(), i => i!["value"]?.ToString() == "川口 翔");
        Assert.Equal(PortalSeed.AdultSon, body["data"]!["me"]!["lifeEventGuide"]!["atenaNumber"]!.GetValue<string>());
        await using var check = database.CreateContext();
        var record = await check.AccessRecords.AsNoTracking().OrderByDescending(r => r.Sequence).FirstAsync(TestContext.Current.CancellationToken);
        Assert.DoesNotContain(AccessCollector.OnBehalfOf, record.Operation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MemberGuide_ForTheChild_UnderTheHeadsGrounds()
    {
        var body = await AskAsync(PortalSeed.Head, "{ me { actingFor { resident { atenaNumber } lifeEventGuide(event: MOVE_OUT) { atenaNumber procedures { id status } } } } }");

        Assert.True(body["errors"] is null, body.ToJsonString());
        var minor = body["data"]!["me"]!["actingFor"]!.AsArray().Single(m => m!["resident"]!["atenaNumber"]!.GetValue<string>() == PortalSeed.Minor)!;
        Assert.Equal(PortalSeed.Minor, minor["lifeEventGuide"]!["atenaNumber"]!.GetValue<string>());
    }

    [Fact]
    public async Task Neighbour_IsNeverActedFor()
    {
        var body = await AskAsync(PortalSeed.Neighbour, "{ me { actingFor { resident { atenaNumber } } } }");
        var head = await AskAsync(PortalSeed.Head, "{ me { actingFor { resident { atenaNumber } } } }");

        Assert.Empty(body["data"]!["me"]!["actingFor"]!.AsArray());
        Assert.DoesNotContain(PortalSeed.Neighbour, head.ToJsonString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ground:parental-authority")]
    [InlineData("role:resident-clerk")]
    public async Task StaffTokenWhoseSubjectNamesAGroundOrRole_ReadsNothingAsIt(string subject)
    {
        var client = await fixture.ClientAsync();
        var token = DevelopmentTokens.Issue(subject, ["staff"], TimeSpan.FromMinutes(10));

        var (_, portal) = await client.SendAsync(GraphQLClient.Post($"{{ resident(atenaNumber: \"{PortalSeed.Minor}\") {{ name }} }}", token: token, task: PortalTask));
        var (_, registry) = await client.SendAsync(GraphQLClient.Post($"{{ resident(atenaNumber: \"{PortalSeed.Minor}\") {{ name }} }}", token: token, task: "resident-registry"));

        Assert.DoesNotContain("川口", portal.ToJsonString() + registry.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal("FIELD_FORBIDDEN", portal["errors"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    private async Task<JsonNode> AskAsync(string atena, string query, string acr = "jpki", string task = PortalTask)
    {
        var client = await fixture.ClientAsync();
        var token = DevelopmentTokens.Issue("portal-" + atena, ["resident"], TimeSpan.FromMinutes(10), atena, acr);
        var (_, body) = await client.SendAsync(GraphQLClient.Post(query, token: token, task: task, purpose: "本人・世帯員の手続 (事前入力)", caseId: null));
        return body;
    }
}

/// <summary>Acting for the household on SQLite.</summary>
public sealed class SqliteActingForTests(SqlitePortalFixture fixture)
    : ActingForSpecification<SqlitePortalFixture>(fixture), IClassFixture<SqlitePortalFixture>;

/// <summary>Acting for the household on PostgreSQL.</summary>
public sealed class PostgreSqlActingForTests(PostgreSqlPortalFixture fixture)
    : ActingForSpecification<PostgreSqlPortalFixture>(fixture), IClassFixture<PostgreSqlPortalFixture>;
