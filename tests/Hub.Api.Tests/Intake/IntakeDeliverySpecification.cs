using System.Text.Json.Nodes;
using Hub.Adapters.Outbound.FileDrop;
using Hub.Api.Tests.GraphQL;
using Hub.Api.Tests.Support;
using Hub.Capabilities.Intake;
using Hub.Capabilities.Intake.Delivery;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Api.Tests.Intake;

/// <summary>
/// The outbox, per provider: each leg reaches its department as a JSON and a CSV file of the built-in file-drop adapter,
/// released under the leg's task and recorded; each notice reaches a real webhook receiver on Kestrel, signed, after the
/// receiver refused the first tries; a repeated round delivers nothing twice.
/// </summary>
public abstract class IntakeDeliverySpecification<TFixture>(TFixture fixture)
    where TFixture : HubGraphQLFixture
{
    private const string Secret = "a-shared-secret-of-at-least-32-characters!";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Outbox_DeliversEveryLegAsFilesAndEveryNoticeSigned_RetryingARefusingReceiver()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        receiver.FailFirst = 2;
        var drop = Directory.CreateTempSubdirectory("hub-drop-").FullName;
        var database = await fixture.DatabaseAsync();
        await using var host = HubHost.Create("Development", database.Options, new Dictionary<string, string?>
        {
            ["Hub:Intake:Delivery:FileDrop:Directory"] = drop,
            ["Hub:Intake:Delivery:MaxBackoff"] = "00:00:00",
            ["Hub:Intake:Webhook:Url"] = receiver.Url,
            ["Hub:Intake:Webhook:Secret"] = Secret,
        });
        var services = host.Services;
        var requester = new IntakeRequester(new HubRequestContext("resident-registry", "出生届の受付", null, "demo-resident-clerk", ["staff"], null, null), _ => true);
        var made = await services.GetRequiredService<IntakeSubmissionService>()
            .SubmitAsync(new IntakeSubmission(LifeEventKind.Birth, RelatedSeed.Child, new DateOnly(2025, 11, 1), [new IntakeAnswer("phone", "090-4444-4444")]), requester, Ct);
        var dispatcher = services.GetRequiredService<IntakeOutboxDispatcher>();

        // Rounds until nothing is owed (the receiver refuses twice; backoff is zero here), bounded.
        for (var round = 0; round < 10 && await OwedAsync() > 0; round++)
        {
            await dispatcher.RunOnceAsync(Ct);
        }

        Assert.Equal(0, await OwedAsync());
        foreach (var leg in made.Case.Legs)
        {
            var json = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(drop, leg.Task, leg.Id.ToString("N") + ".json"), Ct))!;
            Assert.Equal(($"leg:{leg.Id:N}", leg.ProcedureId, RelatedSeed.Child), ((string?)json["deliveryId"], (string?)json["procedure"], (string?)json["applicantAtenaNumber"]));
            var csv = await File.ReadAllLinesAsync(Path.Combine(drop, leg.Task, leg.Id.ToString("N") + ".csv"), Ct);
            Assert.StartsWith("delivery_id,application_id,leg_id", csv[0].TrimStart('\uFEFF'), StringComparison.Ordinal);
            Assert.Equal(json["items"]!.AsArray().Count, csv.Length - 1);
        }

        var nhi = made.Case.Legs.Single(l => l.ProcedureId == "nhi-enrolment");
        var nhiItems = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(drop, "nhi", nhi.Id.ToString("N") + ".json"), Ct))!["items"]!.AsArray();
        Assert.Contains(nhiItems, i => (string?)i!["id"] == "phone" && (string?)i["status"] == "TYPED" && (string?)i["value"] == "090-4444-4444");
        // Released under the NHI task: what it may not read arrives WITHHELD without a value (the task reads no 個人番号 here).
        Assert.All(nhiItems.Where(i => (string?)i!["status"] == "WITHHELD"), i => Assert.Null((string?)i!["value"]));

        // Every release recorded: one access record per leg, in the leg's task, by the delivery user.
        await using var db = database.CreateContext();
        var caseRef = made.Case.Id.ToString("N");
        var records = await db.AccessRecords.AsNoTracking().Where(r => r.Case == caseRef && r.UserId == IntakeOutboxDispatcher.SystemUser && r.Purpose == IntakeOutboxDispatcher.Purpose).ToListAsync(Ct);
        Assert.Equal(made.Case.Legs.Select(l => l.Task).Order(), records.Select(r => r.Task).Order());

        // The notice arrived signed, once by its delivery id, after two refusals.
        var notice = await db.IntakeNotices.AsNoTracking().SingleAsync(n => n.CaseId == made.Case.Id, Ct);
        Assert.True(receiver.Accepted.ContainsKey($"notice:{notice.Id}"));
        Assert.Equal(0, receiver.BadSignatures);
        Assert.True(receiver.Posts >= 3);

        // By default the post says whom and which application, not what: the text stays in the inbox. The post is recorded.
        var posted = receiver.Accepted[$"notice:{notice.Id}"]["notice"]!;
        Assert.Equal((RelatedSeed.Child, made.Case.Id.ToString()), ((string?)posted["atenaNumber"], (string?)posted["applicationId"]));
        Assert.Null(posted["title"]);
        Assert.Null(posted["message"]);
        // Each attempt is recorded, the refused ones too (a refused post may still have been read).
        var sent = await db.AccessRecords.AsNoTracking().Where(r => r.Case == caseRef && r.Operation == IntakeOutboxDispatcher.SendNoticeOperation).ToListAsync(Ct);
        Assert.InRange(sent.Count, 3, receiver.Posts);
        Assert.All(sent, r => Assert.Equal([RelatedSeed.Child], Hub.Capabilities.Audit.AccessRecordFormat.SplitSubjects(r.SubjectAtenaNumbers)));

        // Another round owes nothing and delivers nothing.
        Assert.Equal((0, 0), await dispatcher.RunOnceAsync(Ct));

        async Task<int> OwedAsync()
        {
            await using var c = database.CreateContext();
            var legs = made.Case.Legs.Select(l => (Guid?)l.Id).ToList();
            return await c.IntakeOutbox.CountAsync(o => o.DeliveredAt == null && (legs.Contains(o.LegId) || o.Kind == IntakeOutbox.NoticeKind), Ct);
        }
    }

    [Fact]
    public async Task Webhook_WithIncludeText_CarriesTitleAndMessage_RecordedAsSuch()
    {
        await using var receiver = await WebhookReceiver.StartAsync(Secret);
        var database = await fixture.DatabaseAsync();
        await using var host = HubHost.Create("Development", database.Options, new Dictionary<string, string?>
        {
            ["Hub:Intake:Delivery:FileDrop:Directory"] = Directory.CreateTempSubdirectory("hub-drop-").FullName,
            ["Hub:Intake:Webhook:Url"] = receiver.Url,
            ["Hub:Intake:Webhook:Secret"] = Secret,
            ["Hub:Intake:Webhook:IncludeText"] = "true",
        });
        var requester = new IntakeRequester(new HubRequestContext("resident-registry", "出生届の受付", null, "demo-resident-clerk", ["staff"], null, null), _ => true);
        var made = await host.Services.GetRequiredService<IntakeSubmissionService>()
            .SubmitAsync(new IntakeSubmission(LifeEventKind.Birth, RelatedSeed.Child, new DateOnly(2025, 11, 2), [new IntakeAnswer("phone", "090-4444-4444")]), requester, Ct);

        await host.Services.GetRequiredService<IntakeOutboxDispatcher>().RunOnceAsync(Ct);

        await using var db = database.CreateContext();
        var notice = await db.IntakeNotices.AsNoTracking().SingleAsync(n => n.CaseId == made.Case.Id, Ct);
        var posted = receiver.Accepted[$"notice:{notice.Id}"]["notice"]!;
        Assert.Equal((notice.Title, notice.Message), ((string?)posted["title"], (string?)posted["message"]));
        var caseRef = made.Case.Id.ToString("N");
        Assert.True(await db.AccessRecords.AnyAsync(r => r.Case == caseRef && r.Operation == IntakeOutboxDispatcher.SendNoticeWithTextOperation, Ct));
    }

    [Fact]
    public void FileDrop_Csv_QuotesCellsWithCommasQuotesAndNewlines()
    {
        var delivery = new Hub.Adapters.Outbound.LegDelivery("leg:1", Guid.Empty, Guid.Empty, "BIRTH", "p", "n", "d", "t", null, new DateOnly(2025, 1, 1), "1", DateTimeOffset.UnixEpoch,
            [new Hub.Adapters.Outbound.LegDeliveryItem("applicant", null, "a", "氏名, \"旧姓\"", null, "TYPED", "一行目\n二行目", "applicant")]);

        var csv = FileDropDepartmentAdapter.Csv(delivery);

        Assert.Contains(",\"氏名, \"\"旧姓\"\"\",", csv, StringComparison.Ordinal);
        Assert.Contains("\"一行目\n二行目\"", csv, StringComparison.Ordinal);
    }
}

/// <summary>Delivery on SQLite.</summary>
public sealed class SqliteIntakeDeliveryTests(SqliteHubGraphQLFixture fixture)
    : IntakeDeliverySpecification<SqliteHubGraphQLFixture>(fixture), IClassFixture<SqliteHubGraphQLFixture>;

/// <summary>Delivery on PostgreSQL.</summary>
public sealed class PostgreSqlIntakeDeliveryTests(PostgreSqlHubGraphQLFixture fixture)
    : IntakeDeliverySpecification<PostgreSqlHubGraphQLFixture>(fixture), IClassFixture<PostgreSqlHubGraphQLFixture>;
