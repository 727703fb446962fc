using System.Security.Cryptography;
using Hub.Api.Tests.GraphQL;
using Hub.Capabilities.Intake;
using Hub.Capabilities.Intake.Attachments;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.Requests;
using Hub.Capabilities.Audit;
using Hub.Data.Entities.Intake;
using Hub.Policy.Masks;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Api.Tests.Intake;

/// <summary>Attachments per provider: limits refused with the limit, type checked by content, the scan hook, SHA-256 in the database or a folder.</summary>
public abstract class IntakeAttachmentSpecification<TFixture>(TFixture fixture)
    where TFixture : HubGraphQLFixture
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n出生証明書\n%%EOF"u8];

    private static readonly IntakeActor Applicant = new("portal-" + RelatedSeed.Child, IntakeActorKind.Applicant, null, RelatedSeed.Child);

    private static readonly HubRequestContext PortalContext = new("resident-portal", "本人の申請", null, Applicant.UserId, ["resident"], RelatedSeed.Child, null);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Add_Pdf_StoredWithItsSha256InTheDatabase_AndReadBackChecked()
    {
        var (service, caseId) = await SetupAsync(new DateOnly(2026, 3, 1));

        var added = await service.AddAsync(caseId, null, "出生証明書.pdf", "application/pdf", Pdf, Applicant, Ct);
        var (read, content) = await service.ReadAsync(added.Id, Applicant, PortalContext, Ct);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Pdf)), read.Sha256);
        Assert.Equal((Pdf.LongLength, IntakeAttachmentService.NotScanned), (read.Size, read.ScanResult));
        Assert.Equal(Pdf, content);
        Assert.Null(read.StoredPath);
    }

    [Fact]
    public async Task Add_OverTheLimitOrOfAnotherType_IsRefusedWithTheLimit()
    {
        var (service, caseId) = await SetupAsync(new DateOnly(2026, 3, 2), new IntakeAttachmentOptions { MaxBytes = 16 });

        var big = await Assert.ThrowsAsync<IntakeException>(() => service.AddAsync(caseId, null, "a.pdf", "application/pdf", Pdf, Applicant, Ct));
        var type = await Assert.ThrowsAsync<IntakeException>(() => service.AddAsync(caseId, null, "a.txt", "text/plain", [1, 2], Applicant, Ct));
        var (roomy, _) = await SetupAsync(new DateOnly(2026, 3, 2));
        var disguised = await Assert.ThrowsAsync<IntakeException>(() => roomy.AddAsync(caseId, null, "a.pdf", "application/pdf", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], Applicant, Ct));
        var notMine = await Assert.ThrowsAsync<IntakeException>(() => roomy.AddAsync(caseId, null, "a.pdf", "application/pdf", Pdf, Applicant with { AtenaNumber = RelatedSeed.Head }, Ct));

        Assert.Equal((IntakeErrorCode.LimitExceeded, "content"), (big.Code, big.Field));
        Assert.Contains("at most 16 bytes", big.Message, StringComparison.Ordinal);
        Assert.Equal((IntakeErrorCode.LimitExceeded, "contentType"), (type.Code, type.Field));
        Assert.Contains("application/pdf, image/jpeg, image/png", type.Message, StringComparison.Ordinal);
        Assert.Equal((IntakeErrorCode.BadInput, "content"), (disguised.Code, disguised.Field));
        Assert.Equal(IntakeErrorCode.NotFound, notMine.Code);
    }

    [Fact]
    public async Task Add_TheScannerFlags_IsRefused_TheScannerPasses_IsRecorded()
    {
        var folder = Directory.CreateTempSubdirectory("hub-attach-").FullName;
        var (service, caseId) = await SetupAsync(new DateOnly(2026, 3, 3), new IntakeAttachmentOptions { Directory = folder }, new MarkerScanner());

        var infected = await Assert.ThrowsAsync<IntakeException>(() => service.AddAsync(caseId, null, "v.pdf", "application/pdf", [.. "%PDF-EICAR"u8], Applicant, Ct));
        var added = await service.AddAsync(caseId, null, "ok.pdf", "application/pdf", Pdf, Applicant, Ct);

        Assert.Contains("virus scan (marker-scanner)", infected.Message, StringComparison.Ordinal);
        Assert.Equal("clean:marker-scanner", added.ScanResult);
        Assert.Null(added.Content);
        Assert.Equal(Pdf, await File.ReadAllBytesAsync(Path.Combine(folder, added.Sha256), Ct));
        Assert.Equal(Pdf, (await service.ReadAsync(added.Id, Applicant, PortalContext, Ct)).Content);

        // A file changed in the folder is refused, never served.
        await File.WriteAllBytesAsync(Path.Combine(folder, added.Sha256), [.. "%PDF-changed"u8], Ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => service.ReadAsync(added.Id, Applicant, PortalContext, Ct));
    }

    [Fact]
    public async Task Add_ADepartmentAddsToALegOfItsTaskOnly_TheCounterClerkToTheWholeCase()
    {
        var (service, caseId) = await SetupAsync(new DateOnly(2026, 3, 4));
        var (mine, other) = await TwoLegsAsync(caseId);

        var added = await service.AddAsync(caseId, mine.Id, "a.pdf", "application/pdf", Pdf, Department(mine.Task), Ct);
        var foreign = await Assert.ThrowsAsync<IntakeException>(() => service.AddAsync(caseId, other.Id, "a.pdf", "application/pdf", Pdf, Department(mine.Task), Ct));
        var wholeCase = await Assert.ThrowsAsync<IntakeException>(() => service.AddAsync(caseId, null, "a.pdf", "application/pdf", Pdf, Department(mine.Task), Ct));
        var counter = await service.AddAsync(caseId, null, "b.pdf", "application/pdf", Pdf, new IntakeActor(CounterClerk, IntakeActorKind.Department, "resident-registry"), Ct);

        await (await fixture.ServicesAsync()).GetRequiredService<IntakeLegService>().ChangeAsync(mine.Id, IntakeLegStatus.Withdrawn, Applicant, "不要", null, Ct);
        var closed = await Assert.ThrowsAsync<IntakeException>(() => service.AddAsync(caseId, mine.Id, "late.pdf", "application/pdf", Pdf, Applicant, Ct));

        Assert.Equal(mine.Id, added.LegId);
        Assert.Equal((IntakeErrorCode.InvalidTransition, "legId"), (closed.Code, closed.Field));
        Assert.Contains("取下げ", closed.Message, StringComparison.Ordinal);
        Assert.Equal((IntakeErrorCode.Forbidden, "legId"), (foreign.Code, foreign.Field));
        Assert.Contains(other.Department, foreign.Message, StringComparison.Ordinal);
        Assert.Equal(IntakeErrorCode.Forbidden, wholeCase.Code);
        Assert.Null(counter.LegId);
    }

    [Fact]
    public async Task Read_TheOwningDepartmentReadsAndIsRecorded_AnotherDepartmentOrResidentGetsNothingAndNothingIsRecorded()
    {
        var (service, caseId) = await SetupAsync(new DateOnly(2026, 3, 5));
        var (mine, other) = await TwoLegsAsync(caseId);
        var added = await service.AddAsync(caseId, mine.Id, "雇用証明書.pdf", "application/pdf", Pdf, Applicant, Ct);
        var database = await fixture.DatabaseAsync();
        var before = await CountReadsAsync(database);

        var stranger = await Assert.ThrowsAsync<IntakeException>(() => service.ReadAsync(added.Id, Applicant with { AtenaNumber = RelatedSeed.Head }, PortalContext, Ct));
        var otherDepartment = await Assert.ThrowsAsync<IntakeException>(() => service.ReadAsync(added.Id, Department(other.Task), StaffContext(other.Task), Ct));
        Assert.Equal(before, await CountReadsAsync(database));

        var (_, content) = await service.ReadAsync(added.Id, Department(mine.Task), StaffContext(mine.Task), Ct);

        Assert.Equal(IntakeErrorCode.NotFound, stranger.Code);
        Assert.Equal((IntakeErrorCode.Forbidden, "attachmentId"), (otherDepartment.Code, otherDepartment.Field));
        Assert.Equal(Pdf, content);
        await using var db = database.CreateContext();
        var record = await db.AccessRecords.OrderByDescending(r => r.Sequence).FirstAsync(Ct);
        Assert.Equal(("demo-dept-user", mine.Task, IntakeAttachmentService.ReadOperation), (record.UserId, record.Task, record.Operation));
        Assert.Equal([RelatedSeed.Child], AccessRecordFormat.SplitSubjects(record.SubjectAtenaNumbers));
        Assert.Equal(caseId.ToString("N"), record.Case);
        Assert.Equal(before + 1, await CountReadsAsync(database));
    }

    [Fact]
    public async Task List_ShowsADepartmentItsLegsAndTheWholeCase_TheApplicantEverything()
    {
        var (service, caseId) = await SetupAsync(new DateOnly(2026, 3, 6));
        var (mine, other) = await TwoLegsAsync(caseId);
        var forMine = await service.AddAsync(caseId, mine.Id, "m.pdf", "application/pdf", Pdf, Applicant, Ct);
        var forOther = await service.AddAsync(caseId, other.Id, "o.pdf", "application/pdf", Pdf, Applicant, Ct);
        var forAll = await service.AddAsync(caseId, null, "c.pdf", "application/pdf", Pdf, Applicant, Ct);

        var department = await service.ListAsync(caseId, Department(mine.Task), Ct);
        var applicant = await service.ListAsync(caseId, Applicant, Ct);
        var stranger = await service.ListAsync(caseId, Applicant with { AtenaNumber = RelatedSeed.Head }, Ct);

        Assert.Equal(new[] { forMine.Id, forAll.Id }.Order(), department.Select(a => a.Id).Order());
        Assert.Equal(new[] { forMine.Id, forOther.Id, forAll.Id }.Order(), applicant.Select(a => a.Id).Order());
        Assert.Empty(stranger);
        Assert.All(applicant, a => Assert.Null(a.Content));
    }

    private const string CounterClerk = "demo-resident-clerk";

    private static IntakeActor Department(string task) => new("demo-dept-user", IntakeActorKind.Department, task);

    private static HubRequestContext StaffContext(string task) => new(task, "添付書類の確認", null, "demo-dept-user", ["staff"], null, null);

    private static async Task<int> CountReadsAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.AccessRecords.CountAsync(r => r.Operation == IntakeAttachmentService.ReadOperation, Ct);
    }

    // Two legs of the case whose tasks differ.
    private async Task<(IntakeLeg Mine, IntakeLeg Other)> TwoLegsAsync(Guid caseId)
    {
        await using var db = (await fixture.DatabaseAsync()).CreateContext();
        var legs = await db.IntakeLegs.AsNoTracking().Where(l => l.CaseId == caseId).ToListAsync(Ct);
        var mine = legs.First(l => l.Task != "resident-registry");
        return (mine, legs.First(l => l.Task != mine.Task));
    }

    private async Task<(IntakeAttachmentService Service, Guid CaseId)> SetupAsync(DateOnly on, IntakeAttachmentOptions? options = null, IAttachmentScanner? scanner = null)
    {
        var services = await fixture.ServicesAsync();
        var requester = new IntakeRequester(new HubRequestContext("resident-registry", "出生届の受付", null, CounterClerk, ["staff"], null, null), _ => true);
        var made = await services.GetRequiredService<IntakeSubmissionService>().SubmitAsync(new IntakeSubmission(LifeEventKind.Birth, RelatedSeed.Child, on, []), requester, Ct);
        var database = await fixture.DatabaseAsync();
        var service = new IntakeAttachmentService(database.Factory, options ?? new IntakeAttachmentOptions(), scanner,
            services.GetRequiredService<IAccessRecordWriter>(), services.GetRequiredService<FieldMaskCache>(), TimeProvider.System);
        return (service, made.Case.Id);
    }

    // A scanner that flags the EICAR marker, as a real one flags the EICAR test file.
    private sealed class MarkerScanner : IAttachmentScanner
    {
        public string Name => "marker-scanner";

        public Task<string?> ScanAsync(ReadOnlyMemory<byte> content, CancellationToken cancellationToken) =>
            Task.FromResult(content.Span.IndexOf("EICAR"u8) >= 0 ? "EICAR-Test-Signature" : null);
    }
}

/// <summary>Attachments on SQLite.</summary>
public sealed class SqliteIntakeAttachmentTests(SqliteHubGraphQLFixture fixture)
    : IntakeAttachmentSpecification<SqliteHubGraphQLFixture>(fixture), IClassFixture<SqliteHubGraphQLFixture>;

/// <summary>Attachments on PostgreSQL.</summary>
public sealed class PostgreSqlIntakeAttachmentTests(PostgreSqlHubGraphQLFixture fixture)
    : IntakeAttachmentSpecification<PostgreSqlHubGraphQLFixture>(fixture), IClassFixture<PostgreSqlHubGraphQLFixture>;
