using System.Net;
using System.Text.Json.Nodes;
using Hub.Api.Tests.GraphQL;
using Hub.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Tests.Intake;

/// <summary>
/// Intake end to end through HTTP, per provider: the resident submits in the portal, follows every leg and reads notices;
/// the department pulls its legs, reads the leg's data under its task (recorded), takes it and asks for a 補正; another
/// department is refused; idempotency answers 409 and 422; bad input names the argument and stores no case.
/// </summary>
public abstract class IntakeGraphQLSpecification<TFixture>(TFixture fixture)
    where TFixture : HubGraphQLFixture
{
    private const string PortalTask = "resident-portal";

    private const string Submit = """
        mutation S($event: LifeEvent!, $atena: String!, $on: Date!, $answers: [ApplicationAnswerInput!], $key: String) {
          submitApplication(event: $event, atenaNumber: $atena, on: $on, answers: $answers, idempotencyKey: $key) {
            id status replayed itemsPrefilled itemsTyped itemsOnPaper
            legs { id procedure department task formId status statusLabel itemsPrefilled itemsTyped history { to actorKind message } }
          }
        }
        """;

    private const string Me = """
        { me { applications { id status legs { id procedure status statusLabel history { from to toLabel actor message } messages } }
               notices { id title message read } } }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Portal_SubmitsBirth_DepartmentWorksItsLeg_ResidentFollowsEveryStepAndNotice()
    {
        var client = await fixture.ClientAsync();
        var resident = Clerks.Resident(RelatedSeed.Child);

        var (response, body) = await client.SendAsync(GraphQLClient.Post(Submit, new { @event = "BIRTH", atena = RelatedSeed.Child, on = "2025-09-01", answers = new[] { new { item = "phone", value = "090-3333-3333" } } }, resident, PortalTask, "本人の申請", null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        NoErrors(body);
        var application = body["data"]!["submitApplication"]!;
        Assert.Equal(("SUBMITTED", false, 1), ((string?)application["status"], (bool)application["replayed"]!, (int)application["itemsTyped"]!));
        Assert.True((int)application["itemsPrefilled"]! > 0);
        var nhi = application["legs"]!.AsArray().Single(l => (string?)l!["procedure"] == "nhi-enrolment")!;
        Assert.Equal(("保険年金課", "nhi", "SENT", "送信済"), ((string?)nhi["department"], (string?)nhi["task"], (string?)nhi["status"], (string?)nhi["statusLabel"]));
        var legId = (string)nhi["id"]!;

        // The NHI clerk pulls the 保険年金課 queue in the nhi task, reads the leg's data, takes it and asks for a 補正.
        var nhiClerk = Clerks.NhiClerk;
        var (_, queue) = await client.SendAsync(GraphQLClient.Post("""
            query Q($d: String!) { applicationLegs(department: $d, status: SENT) { id applicant items { id path status value source } } }
            """, new { d = "保険年金課" }, nhiClerk, Clerks.Nhi, "国保加入の審査", "CASE-NHI"));
        NoErrors(queue);
        var mine = queue["data"]!["applicationLegs"]!.AsArray().Single(l => (string?)l!["id"] == legId)!;
        Assert.Equal(RelatedSeed.Child, (string?)mine["applicant"]);
        var items = mine["items"]!.AsArray();
        Assert.Contains(items, i => (string?)i!["status"] == "FILLED" && (string?)i["value"] is not null);
        Assert.Contains(items, i => (string?)i!["id"] == "phone" && (string?)i["status"] == "TYPED" && (string?)i["value"] == "090-3333-3333");
        await using (var db = (await fixture.DatabaseAsync()).CreateContext())
        {
            var record = await db.AccessRecords.AsNoTracking().Where(r => r.Case == "CASE-NHI").OrderByDescending(r => r.Sequence).FirstAsync(Ct);
            Assert.Equal(("demo-nhi-clerk", "nhi"), (record.UserId, record.Task));
            Assert.Contains(RelatedSeed.Child, record.SubjectAtenaNumbers, StringComparison.Ordinal);
            Assert.Contains("resident.name", record.FieldPaths, StringComparison.Ordinal);
        }

        var (_, taken) = await client.SendAsync(GraphQLClient.Post("mutation T($id: ID!) { takeApplicationLeg(legId: $id) { status assignee } }", new { id = legId }, nhiClerk, Clerks.Nhi, "国保加入の審査", null));
        NoErrors(taken);
        Assert.Equal(("RECEIVED", "demo-nhi-clerk"), ((string?)taken["data"]!["takeApplicationLeg"]!["status"], (string?)taken["data"]!["takeApplicationLeg"]!["assignee"]));
        var (_, correction) = await client.SendAsync(GraphQLClient.Post("""
            mutation C($id: ID!) { requestApplicationCorrection(legId: $id, message: "扶養の状況を教えてください。", reason: "扶養確認") { status } }
            """, new { id = legId }, nhiClerk, Clerks.Nhi, "国保加入の審査", null));
        NoErrors(correction);
        Assert.Equal("CORRECTION_REQUESTED", (string?)correction["data"]!["requestApplicationCorrection"]!["status"]);

        // A change the model does not allow names both states.
        var (_, invalid) = await client.SendAsync(GraphQLClient.Post("mutation U($id: ID!) { updateApplicationLeg(legId: $id, status: COMPLETED) { status } }", new { id = legId }, nhiClerk, Clerks.Nhi, "国保加入の審査", null));
        Assert.Equal("INVALID_TRANSITION", (string?)invalid["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("補正依頼 (CORRECTION_REQUESTED)", (string?)invalid["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Contains("処理完了 (COMPLETED)", (string?)invalid["errors"]![0]!["message"], StringComparison.Ordinal);

        // A user with no role in the NHI task may not move its legs by sending its task code.
        var (_, roleless) = await client.SendAsync(GraphQLClient.Post("mutation U($id: ID!) { updateApplicationLeg(legId: $id, status: IN_PROGRESS) { status } }", new { id = legId }, Clerks.TaxClerk, Clerks.Nhi, "審査", null));
        Assert.Equal("FIELD_FORBIDDEN", (string?)roleless["errors"]![0]!["extensions"]!["code"]);

        // Another department (child allowance, in its own task) may neither update the NHI leg nor read the NHI queue.
        var (_, other) = await client.SendAsync(GraphQLClient.Post("mutation U($id: ID!) { updateApplicationLeg(legId: $id, status: IN_PROGRESS) { status } }", new { id = legId }, Clerks.ChildClerk, Clerks.ChildAllowance, "審査", null));
        Assert.Equal("FIELD_FORBIDDEN", (string?)other["errors"]![0]!["extensions"]!["code"]);
        var (_, otherQueue) = await client.SendAsync(GraphQLClient.Post("{ applicationLegs(department: \"保険年金課\") { id } }", null, Clerks.ChildClerk, Clerks.ChildAllowance, "審査", null));
        Assert.Equal("FIELD_FORBIDDEN", (string?)otherQueue["errors"]![0]!["extensions"]!["code"]);

        // The resident follows the leg: statuses, history and messages, and a notice per change, unread.
        var (_, me) = await client.SendAsync(GraphQLClient.Post(Me, null, resident, PortalTask, "本人の申請", null));
        NoErrors(me);
        var app = me["data"]!["me"]!["applications"]!.AsArray().Single(a => (string?)a!["id"] == (string?)application["id"])!;
        Assert.Equal("CORRECTION_REQUESTED", (string?)app["status"]);
        var leg = app["legs"]!.AsArray().Single(l => (string?)l!["id"] == legId)!;
        Assert.Equal(["SENT", "RECEIVED", "CORRECTION_REQUESTED"], leg["history"]!.AsArray().Select(h => (string?)h!["to"]));
        Assert.All(leg["history"]!.AsArray(), h => Assert.Null((string?)h!["actor"]));
        Assert.Contains("扶養の状況を教えてください。", leg["messages"]!.AsArray().Select(m => (string?)m));
        var notices = me["data"]!["me"]!["notices"]!.AsArray();
        var notice = notices.First(n => ((string?)n!["title"])!.EndsWith("補正依頼", StringComparison.Ordinal))!;
        Assert.False((bool)notice["read"]!);
        var (_, read) = await client.SendAsync(GraphQLClient.Post("mutation R($id: ID!) { markNoticeRead(id: $id) { read } }", new { id = (string?)notice["id"] }, resident, PortalTask, "本人の申請", null));
        NoErrors(read);
        Assert.True((bool)read["data"]!["markNoticeRead"]!["read"]!);

        // The resident answers the 補正: the leg is back with the department, in progress, its item typed.
        var (_, answered) = await client.SendAsync(GraphQLClient.Post(
            "mutation A($id: ID!) { answerApplicationCorrection(legId: $id, answers: [{ item: \"phone\", value: \"090-6666-6666\" }], message: \"扶養はありません\") { status history { to actorKind } } }",
            new { id = legId }, resident, PortalTask, "本人の申請", null));
        NoErrors(answered);
        Assert.Equal("IN_PROGRESS", (string?)answered["data"]!["answerApplicationCorrection"]!["status"]);
        Assert.Equal("applicant", (string?)answered["data"]!["answerApplicationCorrection"]!["history"]!.AsArray().Last()!["actorKind"]);

        // The resident withdraws the leg.
        var (_, withdrawn) = await client.SendAsync(GraphQLClient.Post("mutation W($id: ID!) { withdrawApplicationLeg(legId: $id, reason: \"不要\") { status } }", new { id = legId }, resident, PortalTask, "本人の申請", null));
        NoErrors(withdrawn);
        Assert.Equal("WITHDRAWN", (string?)withdrawn["data"]!["withdrawApplicationLeg"]!["status"]);
    }

    [Fact]
    public async Task IdempotencyKeyHeader_SameCase_ChangedPayload422_InFlight409()
    {
        var client = await fixture.ClientAsync();
        var variables = new { @event = "BIRTH", atena = RelatedSeed.Child, on = "2025-09-02", answers = Array.Empty<object>() };
        HttpRequestMessage Request(object v, string key)
        {
            var request = GraphQLClient.Post(Submit, v, Clerks.ResidentClerk, Clerks.ResidentRegistry, "出生届の受付", null);
            request.Headers.Add("Idempotency-Key", key);
            return request;
        }

        var (_, first) = await client.SendAsync(Request(variables, "hdr-1"));
        var (_, again) = await client.SendAsync(Request(variables, "hdr-1"));
        var (changed, changedBody) = await client.SendAsync(Request(variables with { on = "2025-09-03" }, "hdr-1"));

        NoErrors(first);
        Assert.Equal((string?)first["data"]!["submitApplication"]!["id"], (string?)again["data"]!["submitApplication"]!["id"]);

        // Counts derived from the departments' data are not the counter's to see: null for its staff, per leg and per case.
        Assert.Null((int?)first["data"]!["submitApplication"]!["itemsPrefilled"]);
        Assert.All(first["data"]!["submitApplication"]!["legs"]!.AsArray().Where(l => (string?)l!["task"] != Clerks.ResidentRegistry), l => Assert.Null((int?)l!["itemsPrefilled"]));
        Assert.True((bool)again["data"]!["submitApplication"]!["replayed"]!);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, changed.StatusCode);
        Assert.Equal("UNPROCESSABLE", (string?)changedBody["errors"]![0]!["extensions"]!["code"]);

        await using var db = (await fixture.DatabaseAsync()).CreateContext();
        var held = new Hub.Capabilities.Intake.IntakeSubmission(Hub.Capabilities.LifeEvents.LifeEventKind.Birth, RelatedSeed.Child, new DateOnly(2025, 9, 4), [], "hdr-2");
        db.IntakeIdempotencyKeys.Add(new Hub.Data.Entities.Intake.IntakeIdempotencyKey
        {
            Principal = "demo-resident-clerk", Key = "hdr-2", PayloadHash = Hub.Capabilities.Intake.IntakeSubmissionService.Hash(held), LeaseUntil = DateTime.UtcNow.AddHours(1), CreatedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync(Ct);
        var (inFlight, inFlightBody) = await client.SendAsync(Request(variables with { on = "2025-09-04" }, "hdr-2"));
        Assert.Equal(HttpStatusCode.Conflict, inFlight.StatusCode);
        Assert.Equal("CONFLICT", (string?)inFlightBody["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task BadInput_UnknownPersonOrForm_NamesTheArgument_AndStoresNoCase()
    {
        var client = await fixture.ClientAsync();
        await using var db = (await fixture.DatabaseAsync()).CreateContext();
        var before = await db.IntakeCases.CountAsync(Ct);

        var (_, person) = await client.SendAsync(GraphQLClient.Post(Submit, new { @event = "BIRTH", atena = "999999999", on = "2025-10-01" }, Clerks.ResidentClerk, Clerks.ResidentRegistry, "出生届の受付", null));
        var (_, form) = await client.SendAsync(GraphQLClient.Post(Submit, new { @event = "BIRTH", atena = RelatedSeed.Child, on = "2025-10-01", answers = new[] { new { item = "phone", value = "1", form = "no-such-form" } } }, Clerks.ResidentClerk, Clerks.ResidentRegistry, "出生届の受付", null));
        var (_, evt) = await client.SendAsync(GraphQLClient.Post(Submit, new { @event = "HOLIDAY", atena = RelatedSeed.Child, on = "2025-10-01" }, Clerks.ResidentClerk, Clerks.ResidentRegistry, "出生届の受付", null));

        Assert.Equal(("BAD_USER_INPUT", "atenaNumber"), Error(person));
        Assert.Equal(("BAD_USER_INPUT", "answers[0].form"), Error(form));
        Assert.NotNull(evt["errors"]);
        Assert.Null(evt["data"]?["submitApplication"]);
        Assert.Equal(before, await db.IntakeCases.CountAsync(Ct));
    }

    private static (string?, string?) Error(JsonNode body) =>
        ((string?)body["errors"]![0]!["extensions"]!["code"], (string?)body["errors"]![0]!["extensions"]!["argument"]);

    [Fact]
    public async Task ApplicationRules_StaffReadWhichLegsAnEventOpens_ResidentsDoNot()
    {
        var client = await fixture.ClientAsync();

        var (_, staff) = await client.SendAsync(GraphQLClient.Post("{ applicationRules { event legs { procedure department task formId slaDays } guidanceOnly } }", null, Clerks.ResidentClerk, Clerks.ResidentRegistry, "申請受付ルールの確認", null));
        var (_, resident) = await client.SendAsync(GraphQLClient.Post("{ applicationRules { event } }", null, Clerks.Resident(RelatedSeed.Child), PortalTask, "本人の申請", null));

        NoErrors(staff);
        var birth = staff["data"]!["applicationRules"]!.AsArray().Single(r => (string?)r!["event"] == "BIRTH")!;
        var nhi = birth["legs"]!.AsArray().Single(l => (string?)l!["procedure"] == "nhi-enrolment")!;
        Assert.Equal(("保険年金課", "nhi", "nhi-enrolment", 14), ((string?)nhi["department"], (string?)nhi["task"], (string?)nhi["formId"], (int)nhi["slaDays"]!));
        Assert.Contains("infant-checkup", birth["guidanceOnly"]!.AsArray().Select(g => (string?)g));
        Assert.Null(resident["data"]?["applicationRules"]);
        Assert.NotNull(resident["errors"]);
    }

    private static void NoErrors(JsonNode body) => Assert.True(body["errors"] is null, body.ToJsonString());
}

/// <summary>Intake over GraphQL on SQLite.</summary>
public sealed class SqliteIntakeGraphQLTests(SqliteHubGraphQLFixture fixture)
    : IntakeGraphQLSpecification<SqliteHubGraphQLFixture>(fixture), IClassFixture<SqliteHubGraphQLFixture>;

/// <summary>Intake over GraphQL on PostgreSQL.</summary>
public sealed class PostgreSqlIntakeGraphQLTests(PostgreSqlHubGraphQLFixture fixture)
    : IntakeGraphQLSpecification<PostgreSqlHubGraphQLFixture>(fixture), IClassFixture<PostgreSqlHubGraphQLFixture>;
