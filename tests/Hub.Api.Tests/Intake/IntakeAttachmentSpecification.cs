using System.Security.Cryptography;
using Hub.Api.Tests.GraphQL;
using Hub.Capabilities.Intake;
using Hub.Capabilities.Intake.Attachments;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Api.Tests.Intake;

/// <summary>Attachments per provider: limits refused with the limit, type checked by content, the scan hook, SHA-256 in the database or a folder.</summary>
public abstract class IntakeAttachmentSpecification<TFixture>(TFixture fixture)
    where TFixture : HubGraphQLFixture
{
    private static readonly byte[] Pdf = [.. "%PDF-1.7\n出生証明書\n%%EOF"u8];

    private static readonly IntakeActor Applicant = new("portal-" + RelatedSeed.Child, IntakeActorKind.Applicant, null, RelatedSeed.Child);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Add_Pdf_StoredWithItsSha256InTheDatabase_AndReadBackChecked()
    {
        var (service, caseId) = await SetupAsync(new DateOnly(2026, 3, 1));

        var added = await service.AddAsync(caseId, null, "出生証明書.pdf", "application/pdf", Pdf, Applicant, Ct);
        var (read, content) = await service.ReadAsync(added.Id, Ct);

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
        Assert.Equal(Pdf, (await service.ReadAsync(added.Id, Ct)).Content);

        // A file changed in the folder is refused, never served.
        await File.WriteAllBytesAsync(Path.Combine(folder, added.Sha256), [.. "%PDF-changed"u8], Ct);
        await Assert.ThrowsAsync<InvalidOperationException>(() => service.ReadAsync(added.Id, Ct));
    }

    private async Task<(IntakeAttachmentService Service, Guid CaseId)> SetupAsync(DateOnly on, IntakeAttachmentOptions? options = null, IAttachmentScanner? scanner = null)
    {
        var services = await fixture.ServicesAsync();
        var requester = new IntakeRequester(new HubRequestContext("resident-registry", "出生届の受付", null, "demo-resident-clerk", ["staff"], null, null), _ => true);
        var made = await services.GetRequiredService<IntakeSubmissionService>().SubmitAsync(new IntakeSubmission(LifeEventKind.Birth, RelatedSeed.Child, on, []), requester, Ct);
        var database = await fixture.DatabaseAsync();
        return (new IntakeAttachmentService(database.Factory, options ?? new IntakeAttachmentOptions(), scanner, TimeProvider.System), made.Case.Id);
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
