using Hub.Api.Tests.GraphQL;
using Hub.Capabilities.Intake;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.Requests;
using Hub.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Api.Tests.Intake;

/// <summary>
/// The intake capability on a seeded database, through the host's own services, per provider: one case per submission
/// with one leg per procedure the guide lists, pre-filled under each department's task and recorded; idempotency and
/// business keys; the status model with who, when, why and message; bad input storing nothing. Each test uses its own
/// event date, so none depends on another.
/// </summary>
public abstract class IntakeSpecification<TFixture>(TFixture fixture)
    where TFixture : HubGraphQLFixture
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static IntakeRequester Counter(string user = "demo-resident-clerk") =>
        new(new HubRequestContext("resident-registry", "出生届の受付", null, user, ["staff"], null, null), _ => true);

    private static IntakeRequester Portal(string atena) =>
        new(new HubRequestContext("resident-portal", "本人の申請", null, "portal-" + atena, ["resident"], atena, null), _ => true);

    [Fact]
    public async Task Submit_Birth_OpensOneLegPerProcedureTheGuideLists_PrefilledUnderEachDepartmentsTask()
    {
        var services = await fixture.ServicesAsync();
        var on = new DateOnly(2025, 5, 1);
        var submission = new IntakeSubmission(LifeEventKind.Birth, RelatedSeed.Child, on, [new IntakeAnswer("phone", "090-0000-0000")]);

        var submitted = await services.GetRequiredService<IntakeSubmissionService>().SubmitAsync(submission, Counter(), Ct);

        var guide = await services.GetRequiredService<LifeEventGuideService>().GuideAsync(LifeEventKind.Birth, RelatedSeed.Child, on, _ => true, Ct);
        var expected = guide!.Procedures.Where(p => p.Status != LifeEventProcedureStatus.Done && p.Id != "infant-checkup").Select(p => p.Id).ToList();
        Assert.False(submitted.Replayed);
        Assert.Equal(expected, submitted.Case.Legs.OrderBy(l => l.Ordinal).Select(l => l.ProcedureId));
        Assert.Contains("nhi-enrolment", expected);
        var nhi = submitted.Case.Legs.Single(l => l.ProcedureId == "nhi-enrolment");
        Assert.Equal(("保険年金課", "nhi", "nhi-enrolment", "Sent"), (nhi.Department, nhi.Task, nhi.FormId, nhi.Status));
        Assert.Equal(on.AddDays(0).Year, submitted.Case.On.Year);
        Assert.True(nhi.ItemsPrefilled > 0);
        Assert.True(nhi.ItemsOnPaper >= nhi.ItemsPrefilled + nhi.ItemsTyped);

        // The pre-fill was the NHI task's: the item the NHI clerk reads is filled with its source; the phone was typed once
        // for every form asking it.
        var items = IntakeJsonItems(nhi.ItemsJson);
        Assert.Contains(items, i => i is { Section: "applicant", Status: "Filled", Source: "resident-registry" });
        var phones = submitted.Case.Legs.Where(l => l.FormId is not null).SelectMany(l => IntakeJsonItems(l.ItemsJson)).Where(i => i.Id == "phone").ToList();
        Assert.NotEmpty(phones);
        Assert.All(phones, p => Assert.Equal((IntakeLegItem.Typed, "090-0000-0000"), (p.Status, p.Value)));
        Assert.Equal(1, submitted.Case.ItemsTyped);
        Assert.Equal(submitted.Case.Legs.Sum(l => l.ItemsOnPaper), submitted.Case.ItemsOnPaper);

        // Each pre-fill is in the access log under the leg's task and case, by the submitter.
        await using var db = await Context();
        var caseRef = submitted.Case.Id.ToString("N");
        var records = await db.AccessRecords.AsNoTracking().Where(r => r.Case == caseRef).ToListAsync(Ct);
        Assert.Equal(submitted.Case.Legs.Where(l => l.FormId is not null).Select(l => l.Task).Order(), records.Select(r => r.Task).Order());
        Assert.All(records, r => Assert.Equal(("demo-resident-clerk", IntakeSubmissionService.PrefillPurpose), (r.UserId, r.Purpose)));

        // Every leg owed to its department and one notice owed to the webhook, in the same transaction.
        var legIds = submitted.Case.Legs.Select(l => (Guid?)l.Id).ToList();
        Assert.Equal(submitted.Case.Legs.Count, await db.IntakeOutbox.CountAsync(o => o.Kind == IntakeOutbox.LegKind && legIds.Contains(o.LegId), Ct));
        var notice = await db.IntakeNotices.SingleAsync(n => n.CaseId == submitted.Case.Id, Ct);
        Assert.Equal(1, await db.IntakeOutbox.CountAsync(o => o.NoticeId == notice.Id, Ct));
        Assert.Null(notice.ReadAt);
    }

    [Fact]
    public async Task Submit_SameIdempotencyKey_ReturnsTheSameCase_ChangedPayloadIsUnprocessable_InFlightIsConflict()
    {
        var services = await fixture.ServicesAsync();
        var intake = services.GetRequiredService<IntakeSubmissionService>();
        var on = new DateOnly(2025, 5, 2);
        var first = new IntakeSubmission(LifeEventKind.Birth, RelatedSeed.Child, on, [new IntakeAnswer("phone", "090-1111-1111")], "key-a");

        var made = await intake.SubmitAsync(first, Counter(), Ct);
        var again = await intake.SubmitAsync(first, Counter(), Ct);
        var changed = await Assert.ThrowsAsync<IntakeException>(() => intake.SubmitAsync(first with { Answers = [new IntakeAnswer("phone", "090-2222-2222")] }, Counter(), Ct));

        Assert.True(again.Replayed);
        Assert.Equal(made.Case.Id, again.Case.Id);
        Assert.Equal(made.Case.Legs.Select(l => l.Id).Order(), again.Case.Legs.Select(l => l.Id).Order());
        Assert.Equal((IntakeErrorCode.Unprocessable, "idempotencyKey"), (changed.Code, changed.Field));

        // A key another submission holds, not yet committed and within its lease: in flight.
        await using (var db = await Context())
        {
            var payload = new IntakeSubmission(LifeEventKind.Birth, RelatedSeed.Child, new DateOnly(2025, 5, 3), [], "key-b");
            db.IntakeIdempotencyKeys.Add(new Hub.Data.Entities.Intake.IntakeIdempotencyKey
            {
                Principal = "demo-resident-clerk", Key = "key-b", PayloadHash = IntakeSubmissionService.Hash(payload), LeaseUntil = DateTime.UtcNow.AddHours(1), CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
            var inFlight = await Assert.ThrowsAsync<IntakeException>(() => intake.SubmitAsync(payload, Counter(), Ct));
            Assert.Equal(IntakeErrorCode.Conflict, inFlight.Code);
            Assert.False(await db.IntakeCases.AnyAsync(c => c.On == payload.On, Ct));
        }
    }

    [Fact]
    public async Task Submit_AfterTheHolderDied_TakesOverTheKeyOnceItsLeaseRanOut()
    {
        var services = await fixture.ServicesAsync();
        var payload = new IntakeSubmission(LifeEventKind.Birth, RelatedSeed.Child, new DateOnly(2025, 5, 4), [], "key-dead");
        await using var db = await Context();
        db.IntakeIdempotencyKeys.Add(new Hub.Data.Entities.Intake.IntakeIdempotencyKey
        {
            Principal = "demo-resident-clerk", Key = "key-dead", PayloadHash = IntakeSubmissionService.Hash(payload), LeaseUntil = DateTime.UtcNow.AddMinutes(-1), CreatedAt = DateTime.UtcNow.AddMinutes(-2),
        });
        await db.SaveChangesAsync(Ct);

        var made = await services.GetRequiredService<IntakeSubmissionService>().SubmitAsync(payload, Counter(), Ct);

        Assert.False(made.Replayed);
        Assert.Equal(made.Case.Id, (await db.IntakeIdempotencyKeys.AsNoTracking().SingleAsync(k => k.Key == "key-dead", Ct)).CaseId);
    }

    [Fact]
    public async Task Submit_CounterThenPortal_SameEventPersonAndDate_AreOneCase()
    {
        var services = await fixture.ServicesAsync();
        var intake = services.GetRequiredService<IntakeSubmissionService>();
        var on = new DateOnly(2025, 6, 1);

        var counter = await intake.SubmitAsync(new IntakeSubmission(LifeEventKind.MoveIn, RelatedSeed.Head, on, []), Counter(), Ct);
        var portal = await intake.SubmitAsync(new IntakeSubmission(LifeEventKind.MoveIn, RelatedSeed.Head, on, [], "portal-key"), Portal(RelatedSeed.Head), Ct);

        Assert.Equal(counter.Case.Id, portal.Case.Id);
        Assert.True(portal.Replayed);
        Assert.Equal("counter", counter.Case.Channel);
        await using var db = await Context();
        Assert.Equal(1, await db.IntakeCases.CountAsync(c => c.AtenaNumber == RelatedSeed.Head && c.On == on, Ct));
    }

    [Fact]
    public async Task Submit_BadInput_NamesTheFieldAndStoresNoCase()
    {
        var services = await fixture.ServicesAsync();
        var intake = services.GetRequiredService<IntakeSubmissionService>();
        var on = new DateOnly(2025, 7, 1);
        await using var db = await Context();
        var before = await db.IntakeCases.CountAsync(Ct);

        var person = await Assert.ThrowsAsync<IntakeException>(() => intake.SubmitAsync(new IntakeSubmission(LifeEventKind.Birth, "999999999", on, []), Counter(), Ct));
        var form = await Assert.ThrowsAsync<IntakeException>(() => intake.SubmitAsync(new IntakeSubmission(LifeEventKind.Birth, RelatedSeed.Child, on, [new IntakeAnswer("phone", "1", "no-such-form")], "bad-form"), Counter(), Ct));
        var notMine = await Assert.ThrowsAsync<IntakeException>(() => intake.SubmitAsync(new IntakeSubmission(LifeEventKind.Birth, RelatedSeed.Child, on, [new IntakeAnswer("phone", "1", "funeral-expenses")]), Counter(), Ct));
        var item = await Assert.ThrowsAsync<IntakeException>(() => intake.SubmitAsync(new IntakeSubmission(LifeEventKind.Birth, RelatedSeed.Child, on, [new IntakeAnswer("shoeSize", "27")]), Counter(), Ct));
        var noRules = await Assert.ThrowsAsync<IntakeException>(() => intake.SubmitAsync(new IntakeSubmission(LifeEventKind.Marriage, RelatedSeed.Head, on, []), Counter(), Ct));
        var other = await Assert.ThrowsAsync<IntakeException>(() => intake.SubmitAsync(new IntakeSubmission(LifeEventKind.Birth, RelatedSeed.Child, on, []), Portal(RelatedSeed.Head), Ct));

        Assert.Equal((IntakeErrorCode.BadInput, "atenaNumber"), (person.Code, person.Field));
        Assert.Equal((IntakeErrorCode.BadInput, "answers[0].form"), (form.Code, form.Field));
        Assert.Contains("names no form", form.Message, StringComparison.Ordinal);
        Assert.Equal((IntakeErrorCode.BadInput, "answers[0].form"), (notMine.Code, notMine.Field));
        Assert.Equal((IntakeErrorCode.BadInput, "answers[0].item"), (item.Code, item.Field));
        Assert.DoesNotContain("shoeSize", item.Message, StringComparison.Ordinal);
        Assert.Equal((IntakeErrorCode.BadInput, "event"), (noRules.Code, noRules.Field));
        Assert.Equal((IntakeErrorCode.Forbidden, "atenaNumber"), (other.Code, other.Field));
        Assert.Equal(before, await db.IntakeCases.CountAsync(Ct));
        // A refused submission leaves its key free for the corrected payload.
        Assert.False(await db.IntakeIdempotencyKeys.AnyAsync(k => k.Key == "bad-form", Ct));
    }

    [Fact]
    public async Task Legs_MoveThroughTheStatusModel_WithWhoWhenWhyAndMessage_AndTheCaseStatusFollows()
    {
        var services = await fixture.ServicesAsync();
        var legs = services.GetRequiredService<IntakeLegService>();
        var queries = services.GetRequiredService<IntakeQueries>();
        var made = await services.GetRequiredService<IntakeSubmissionService>()
            .SubmitAsync(new IntakeSubmission(LifeEventKind.Birth, RelatedSeed.Child, new DateOnly(2025, 8, 1), []), Counter(), Ct);
        var nhi = made.Case.Legs.Single(l => l.ProcedureId == "nhi-enrolment");
        var clerk = new IntakeActor("demo-nhi-clerk", IntakeActorKind.Department, "nhi");

        var forbidden = await Assert.ThrowsAsync<IntakeException>(() => legs.ChangeAsync(nhi.Id, IntakeLegStatus.Received, new IntakeActor("demo-child-clerk", IntakeActorKind.Department, "child-allowance"), null, null, Ct));
        var skipped = await Assert.ThrowsAsync<IntakeException>(() => legs.ChangeAsync(nhi.Id, IntakeLegStatus.Completed, clerk, null, null, Ct));
        var taken = await legs.ChangeAsync(nhi.Id, IntakeLegStatus.Received, clerk, "受付", null, Ct);
        await legs.ChangeAsync(nhi.Id, IntakeLegStatus.InProgress, clerk, null, null, Ct);
        var noMessage = await Assert.ThrowsAsync<IntakeException>(() => legs.ChangeAsync(nhi.Id, IntakeLegStatus.CorrectionRequested, clerk, "健康保険証の写しがない", null, Ct));
        await legs.ChangeAsync(nhi.Id, IntakeLegStatus.CorrectionRequested, clerk, "健康保険証の写しがない", "勤務先の健康保険に加入していないことの分かる書類を添付してください。", Ct);
        var mid = await queries.CaseAsync(made.Case.Id, Ct);
        await legs.ChangeAsync(nhi.Id, IntakeLegStatus.InProgress, clerk, "書類を受領", null, Ct);
        await legs.ChangeAsync(nhi.Id, IntakeLegStatus.Completed, clerk, "資格取得", "国民健康保険の資格を取得しました。", Ct);
        var reopened = await Assert.ThrowsAsync<IntakeException>(() => legs.ChangeAsync(nhi.Id, IntakeLegStatus.InProgress, clerk, null, null, Ct));
        foreach (var other in made.Case.Legs.Where(l => l.Id != nhi.Id))
        {
            await legs.ChangeAsync(other.Id, IntakeLegStatus.Withdrawn, new IntakeActor("portal-" + RelatedSeed.Child, IntakeActorKind.Applicant, null, RelatedSeed.Child), "不要になった", null, Ct);
        }

        Assert.Equal((IntakeErrorCode.Forbidden, "legId"), (forbidden.Code, forbidden.Field));
        Assert.Equal(IntakeErrorCode.InvalidTransition, skipped.Code);
        Assert.Contains("送信済 (SENT)", skipped.Message, StringComparison.Ordinal);
        Assert.Contains("処理完了 (COMPLETED)", skipped.Message, StringComparison.Ordinal);
        Assert.Contains("処理中 (IN_PROGRESS)", reopened.Message, StringComparison.Ordinal);
        Assert.Equal((IntakeErrorCode.BadInput, "message"), (noMessage.Code, noMessage.Field));
        Assert.Equal("demo-nhi-clerk", taken.Assignee);
        Assert.Equal(IntakeCaseStatus.CorrectionRequested, IntakeStatusModel.Derive(mid!.Legs.Select(l => Enum.Parse<IntakeLegStatus>(l.Status))));
        var final = await queries.CaseAsync(made.Case.Id, Ct);
        Assert.Equal(IntakeCaseStatus.Completed, IntakeStatusModel.Derive(final!.Legs.Select(l => Enum.Parse<IntakeLegStatus>(l.Status))));

        var history = (await queries.HistoryAsync([nhi.Id], Ct))[nhi.Id].ToList();
        Assert.Equal([null, "Sent", "Received", "InProgress", "CorrectionRequested", "InProgress"], history.Select(h => h.FromStatus));
        Assert.Equal(["Sent", "Received", "InProgress", "CorrectionRequested", "InProgress", "Completed"], history.Select(h => h.ToStatus));
        Assert.Equal("demo-nhi-clerk", history[3].Actor);
        Assert.Equal("健康保険証の写しがない", history[3].Reason);
        Assert.StartsWith("勤務先の健康保険", history[3].Message, StringComparison.Ordinal);

        // Each change told the resident, and each notice is owed to the webhook.
        var notices = await queries.NoticesAsync(RelatedSeed.Child, unreadOnly: true, Ct);
        var mine = notices.Where(n => n.CaseId == made.Case.Id).ToList();
        Assert.Equal(1 + 5 + (made.Case.Legs.Count - 1), mine.Count);
        Assert.Contains(mine, n => n.Title == "国民健康保険 加入届（出生）: 補正依頼" && n.Message.StartsWith("勤務先", StringComparison.Ordinal));
        var read = await queries.MarkReadAsync(RelatedSeed.Child, mine[0].Id, Ct);
        Assert.NotNull(read.ReadAt);
        Assert.DoesNotContain(await queries.NoticesAsync(RelatedSeed.Child, unreadOnly: true, Ct), n => n.Id == read.Id);
        await Assert.ThrowsAsync<IntakeException>(() => queries.MarkReadAsync(RelatedSeed.Head, mine[1].Id, Ct));
    }

    [Fact]
    public async Task AnswerCorrection_TypesTheItems_ReturnsTheLegToItsDepartment_AndOwesItAgain()
    {
        var services = await fixture.ServicesAsync();
        var legs = services.GetRequiredService<IntakeLegService>();
        var made = await services.GetRequiredService<IntakeSubmissionService>()
            .SubmitAsync(new IntakeSubmission(LifeEventKind.Birth, RelatedSeed.Child, new DateOnly(2025, 8, 2), []), Counter(), Ct);
        var nhi = made.Case.Legs.Single(l => l.ProcedureId == "nhi-enrolment");
        var clerk = new IntakeActor("demo-nhi-clerk", IntakeActorKind.Department, "nhi");
        var applicant = new IntakeActor("portal-" + RelatedSeed.Child, IntakeActorKind.Applicant, null, RelatedSeed.Child);

        var early = await Assert.ThrowsAsync<IntakeException>(() => legs.AnswerCorrectionAsync(nhi.Id, [new IntakeAnswer("phone", "090")], null, applicant, Ct));
        await legs.ChangeAsync(nhi.Id, IntakeLegStatus.Received, clerk, null, null, Ct);
        await legs.ChangeAsync(nhi.Id, IntakeLegStatus.CorrectionRequested, clerk, "連絡先なし", "電話番号を教えてください。", Ct);
        var unknown = await Assert.ThrowsAsync<IntakeException>(() => legs.AnswerCorrectionAsync(nhi.Id, [new IntakeAnswer("shoeSize", "27")], null, applicant, Ct));
        var other = await Assert.ThrowsAsync<IntakeException>(() => legs.AnswerCorrectionAsync(nhi.Id, [new IntakeAnswer("phone", "090")], null, applicant with { AtenaNumber = RelatedSeed.Head }, Ct));
        var answered = await legs.AnswerCorrectionAsync(nhi.Id, [new IntakeAnswer("phone", "090-7777-7777")], "日中に連絡できます", applicant, Ct);

        Assert.Equal(IntakeErrorCode.InvalidTransition, early.Code);
        Assert.Contains("補正依頼 (CORRECTION_REQUESTED)", early.Message, StringComparison.Ordinal);
        Assert.Equal((IntakeErrorCode.BadInput, "answers[0].item"), (unknown.Code, unknown.Field));
        Assert.Equal(IntakeErrorCode.NotFound, other.Code);
        Assert.Equal("InProgress", answered.Status);
        Assert.Contains(IntakeJsonItems(answered.ItemsJson), i => i.Id == "phone" && i.Status == IntakeLegItem.Typed && i.Value == "090-7777-7777");
        await using var db = await Context();
        var redelivery = $"leg:{nhi.Id:N}:v{answered.Version}";
        Assert.True(await db.IntakeOutbox.AnyAsync(o => o.DedupeKey == redelivery, Ct));
        var last = await db.IntakeLegEvents.Where(e => e.LegId == nhi.Id).OrderByDescending(e => e.Id).FirstAsync(Ct);
        Assert.Equal(("CorrectionRequested", "InProgress", "applicant", "日中に連絡できます"), (last.FromStatus, last.ToStatus, last.ActorKind, last.Message));
    }

    private async Task<HubDbContext> Context() => (await fixture.DatabaseAsync()).CreateContext();

    private static IReadOnlyList<IntakeLegItem> IntakeJsonItems(string json) =>
        System.Text.Json.JsonSerializer.Deserialize<List<IntakeLegItem>>(json, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web)) ?? [];
}

/// <summary>Intake on SQLite.</summary>
public sealed class SqliteIntakeTests(SqliteHubGraphQLFixture fixture)
    : IntakeSpecification<SqliteHubGraphQLFixture>(fixture), IClassFixture<SqliteHubGraphQLFixture>;

/// <summary>Intake on PostgreSQL (a throwaway server the tests start).</summary>
public sealed class PostgreSqlIntakeTests(PostgreSqlHubGraphQLFixture fixture)
    : IntakeSpecification<PostgreSqlHubGraphQLFixture>(fixture), IClassFixture<PostgreSqlHubGraphQLFixture>;
