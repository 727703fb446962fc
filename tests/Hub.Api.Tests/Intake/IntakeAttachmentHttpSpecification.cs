using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Hub.Api.Security;
using Hub.Api.Tests.GraphQL;
using Hub.Api.Tests.Support;
using Hub.Capabilities.Audit;
using Hub.Capabilities.Intake.Attachments;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Api.Tests.Intake;

/// <summary>
/// 添付書類 end to end over HTTP, per provider: the resident uploads (raw body and multipart) and reads back, the department
/// owning the leg reads it (recorded), another department, another resident and a resident signed in without a password
/// get nothing; over the limit 413 and a disallowed type 415, each naming the limit; the GraphQL metadata lists them.
/// </summary>
public abstract class IntakeAttachmentHttpSpecification<TFixture>(TFixture fixture)
    where TFixture : HubGraphQLFixture
{
    private const string PortalTask = "resident-portal";

    private const string Purpose = "本人の申請";

    private static readonly byte[] Pdf = [.. "%PDF-1.7\n出生証明書\n%%EOF"u8];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Resident_UploadsRawAndMultipart_DepartmentReadsItsLegsFile_OthersAreRefused_EveryReadRecorded()
    {
        var client = await fixture.ClientAsync();
        var resident = Clerks.Resident(RelatedSeed.Child);
        var (applicationId, nhiLeg) = await SubmitAsync(client, resident, "2025-10-01");

        // The whole case, as the raw body with a Japanese file name.
        using var raw = Upload($"/intake/applications/{applicationId}/attachments", resident, PortalTask, Pdf, "application/pdf", "出生証明書.pdf");
        using var rawResponse = await client.Http.SendAsync(raw, Ct);
        var rawBody = await JsonAsync(rawResponse);
        Assert.Equal(HttpStatusCode.Created, rawResponse.StatusCode);
        Assert.Equal(("出生証明書.pdf", Convert.ToHexStringLower(SHA256.HashData(Pdf)), (string?)null), ((string?)rawBody["fileName"], (string?)rawBody["sha256"], (string?)rawBody["legId"]));
        Assert.Equal($"/intake/attachments/{rawBody["id"]}", rawResponse.Headers.Location?.ToString());

        // The NHI leg, as multipart/form-data from a portal's form.
        using var multipart = new HttpRequestMessage(HttpMethod.Post, $"/intake/applications/{applicationId}/attachments?legId={nhiLeg}");
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "保険証.pdf");
        multipart.Content = form;
        using var partResponse = await client.Http.SendAsync(GraphQLClient.WithHeaders(multipart, resident, PortalTask, Purpose, null, null), Ct);
        var partBody = await JsonAsync(partResponse);
        Assert.Equal(HttpStatusCode.Created, partResponse.StatusCode);
        Assert.Equal(("保険証.pdf", nhiLeg), ((string?)partBody["fileName"], (string?)partBody["legId"]));
        var nhiFile = (string)partBody["id"]!;

        // The resident reads it back: the bytes, their digest, the name, never sniffed or cached.
        using var own = await client.Http.SendAsync(Download(nhiFile, resident, PortalTask), Ct);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(Pdf, await own.Content.ReadAsByteArrayAsync(Ct));
        Assert.Equal("保険証.pdf", own.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal($"sha-256=:{Convert.ToBase64String(SHA256.HashData(Pdf))}:", own.Headers.GetValues("Repr-Digest").Single());
        Assert.Equal("nosniff", own.Headers.GetValues("X-Content-Type-Options").Single());

        // The NHI clerk reads the NHI leg's file in the nhi task; the read is recorded with the resident as subject.
        var database = await fixture.DatabaseAsync();
        var reads = await CountReadsAsync(database);
        using var department = await client.Http.SendAsync(Download(nhiFile, Clerks.NhiClerk, Clerks.Nhi), Ct);
        Assert.Equal(HttpStatusCode.OK, department.StatusCode);
        Assert.Equal(Pdf, await department.Content.ReadAsByteArrayAsync(Ct));
        await using (var db = database.CreateContext())
        {
            var record = await db.AccessRecords.OrderByDescending(r => r.Sequence).FirstAsync(Ct);
            Assert.Equal(("demo-nhi-clerk", Clerks.Nhi, IntakeAttachmentService.ReadOperation), (record.UserId, record.Task, record.Operation));
            Assert.Equal([RelatedSeed.Child], AccessRecordFormat.SplitSubjects(record.SubjectAtenaNumbers));
        }

        Assert.Equal(reads + 1, await CountReadsAsync(database));

        // Another department, a staff user with no role in the task, another resident, a password-less sign-in: nothing, and nothing recorded.
        using var child = await client.Http.SendAsync(Download(nhiFile, Clerks.ChildClerk, Clerks.ChildAllowance), Ct);
        using var roleless = await client.Http.SendAsync(Download(nhiFile, Clerks.TaxClerk, Clerks.Nhi), Ct);
        using var stranger = await client.Http.SendAsync(Download(nhiFile, Clerks.Resident(RelatedSeed.Head), PortalTask), Ct);
        using var weak = await client.Http.SendAsync(Download(nhiFile, DevelopmentTokens.Issue("portal-" + RelatedSeed.Child, ["resident"], TimeSpan.FromMinutes(5), RelatedSeed.Child, "none"), PortalTask), Ct);
        using var anonymous = await client.Http.SendAsync(Download(nhiFile, "", PortalTask), Ct);
        using var noTask = await client.Http.SendAsync(Download(nhiFile, resident, null), Ct);
        Assert.Equal((HttpStatusCode.Forbidden, "FIELD_FORBIDDEN"), (child.StatusCode, await CodeAsync(child)));
        Assert.Equal((HttpStatusCode.Forbidden, "FIELD_FORBIDDEN"), (roleless.StatusCode, await CodeAsync(roleless)));
        Assert.Equal((HttpStatusCode.NotFound, "NOT_FOUND"), (stranger.StatusCode, await CodeAsync(stranger)));
        Assert.Equal((HttpStatusCode.Forbidden, "FIELD_FORBIDDEN"), (weak.StatusCode, await CodeAsync(weak)));
        Assert.Equal((HttpStatusCode.Unauthorized, "UNAUTHENTICATED"), (anonymous.StatusCode, await CodeAsync(anonymous)));
        Assert.Equal((HttpStatusCode.BadRequest, "CONTEXT_REQUIRED"), (noTask.StatusCode, await CodeAsync(noTask)));
        Assert.Equal(reads + 1, await CountReadsAsync(database));

        // A department adds to a leg of its own task only.
        using var foreign = await client.Http.SendAsync(Upload($"/intake/applications/{applicationId}/attachments?legId={nhiLeg}", Clerks.ChildClerk, Clerks.ChildAllowance, Pdf, "application/pdf", "x.pdf"), Ct);
        Assert.Equal((HttpStatusCode.Forbidden, "FIELD_FORBIDDEN"), (foreign.StatusCode, await CodeAsync(foreign)));

        // The metadata over GraphQL: the resident sees both; the NHI queue's leg shows its own and the whole case's.
        var (_, me) = await client.SendAsync(GraphQLClient.Post("{ me { applications { id attachments { id fileName url } } } }", null, resident, PortalTask, Purpose, null));
        var mine = me["data"]!["me"]!["applications"]!.AsArray().Single(a => (string?)a!["id"] == applicationId)!;
        Assert.Equal(new[] { "保険証.pdf", "出生証明書.pdf" }.Order(), mine["attachments"]!.AsArray().Select(a => (string)a!["fileName"]!).Order());
        var weakToken = DevelopmentTokens.Issue("portal-" + RelatedSeed.Child, ["resident"], TimeSpan.FromMinutes(5), RelatedSeed.Child, "none");
        var (_, weakMe) = await client.SendAsync(GraphQLClient.Post("{ me { applications { id attachments { fileName } } } }", null, weakToken, PortalTask, Purpose, null));
        Assert.Equal("FIELD_FORBIDDEN", (string?)weakMe["errors"]![0]!["extensions"]!["code"]);
        Assert.DoesNotContain("保険証.pdf", weakMe.ToJsonString(), StringComparison.Ordinal);
        var (_, queue) = await client.SendAsync(GraphQLClient.Post("{ applicationLegs(department: \"保険年金課\") { id attachments { id url } } }", null, Clerks.NhiClerk, Clerks.Nhi, "国保加入の審査", null));
        var leg = queue["data"]!["applicationLegs"]!.AsArray().Single(l => (string?)l!["id"] == nhiLeg)!;
        Assert.Equal(new[] { nhiFile, (string)rawBody["id"]! }.Order(), leg["attachments"]!.AsArray().Select(a => (string)a!["id"]!).Order());
        Assert.Equal($"/intake/attachments/{nhiFile}", leg["attachments"]!.AsArray().Single(a => (string?)a!["id"] == nhiFile)!["url"]!.GetValue<string>());
    }

    [Fact]
    public async Task Upload_OverTheLimitOrOfADisallowedType_IsRefusedWithTheLimit_AndNothingIsStored()
    {
        await using var host = await fixture.HostAsync(s => s.AddSingleton(new IntakeAttachmentOptions { MaxBytes = 1024 }));
        var client = new GraphQLClient(host.CreateClient());
        var resident = Clerks.Resident(RelatedSeed.Child);
        var (applicationId, _) = await SubmitAsync(client, resident, "2025-10-02");
        var path = $"/intake/applications/{applicationId}/attachments";
        byte[] big = [.. Pdf, .. new byte[2048]];

        using var declared = await client.Http.SendAsync(Upload(path, resident, PortalTask, big, "application/pdf", "big.pdf"), Ct);
        var streamed = Upload(path, resident, PortalTask, big, "application/pdf", "big.pdf");
        streamed.Content = new StreamContent(new UnknownLengthStream(big));
        streamed.Content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        using var chunked = await client.Http.SendAsync(streamed, Ct);
        using var text = await client.Http.SendAsync(Upload(path, resident, PortalTask, [.. "hello"u8], "text/plain", "a.txt"), Ct);
        using var disguised = await client.Http.SendAsync(Upload(path, resident, PortalTask, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "application/pdf", "a.pdf"), Ct);
        using var badId = await client.Http.SendAsync(Upload("/intake/applications/not-an-id/attachments", resident, PortalTask, Pdf, "application/pdf", "a.pdf"), Ct);
        using var unknown = await client.Http.SendAsync(Upload($"/intake/applications/{Guid.NewGuid()}/attachments", resident, PortalTask, Pdf, "application/pdf", "a.pdf"), Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, declared.StatusCode);
        Assert.Contains("at most 1024 bytes", (string?)(await JsonAsync(declared))["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, chunked.StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, text.StatusCode);
        Assert.Contains("application/pdf, image/jpeg, image/png", (string?)(await JsonAsync(text))["errors"]![0]!["message"], StringComparison.Ordinal);
        var disguisedError = (await JsonAsync(disguised))["errors"]![0]!;
        Assert.Equal((HttpStatusCode.BadRequest, "BAD_USER_INPUT", "content"), (disguised.StatusCode, (string?)disguisedError["extensions"]!["code"], (string?)disguisedError["extensions"]!["argument"]));
        Assert.Equal((HttpStatusCode.BadRequest, "BAD_USER_INPUT"), (badId.StatusCode, await CodeAsync(badId)));
        Assert.Equal((HttpStatusCode.NotFound, "NOT_FOUND"), (unknown.StatusCode, await CodeAsync(unknown)));
        await using var db = (await fixture.DatabaseAsync()).CreateContext();
        Assert.False(await db.IntakeAttachments.AnyAsync(a => a.CaseId == Guid.Parse(applicationId), Ct));
    }

    private static async Task<(string ApplicationId, string NhiLeg)> SubmitAsync(GraphQLClient client, string resident, string on)
    {
        var (_, body) = await client.SendAsync(GraphQLClient.Post(
            "mutation S($atena: String!, $on: Date!) { submitApplication(event: BIRTH, atenaNumber: $atena, on: $on) { id legs { id procedure } } }",
            new { atena = RelatedSeed.Child, on }, resident, PortalTask, Purpose, null));
        Assert.True(body["errors"] is null, body.ToJsonString());
        var application = body["data"]!["submitApplication"]!;
        var nhi = application["legs"]!.AsArray().Single(l => (string?)l!["procedure"] == "nhi-enrolment")!;
        return ((string)application["id"]!, (string)nhi["id"]!);
    }

    private static HttpRequestMessage Upload(string path, string token, string task, byte[] content, string type, string fileName)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(content) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(type);
        request.Content.Headers.ContentDisposition = new ContentDispositionHeaderValue("attachment") { FileNameStar = fileName };
        return GraphQLClient.WithHeaders(request, token, task, Purpose, null, null);
    }

    private static HttpRequestMessage Download(string id, string token, string? task) =>
        GraphQLClient.WithHeaders(new HttpRequestMessage(HttpMethod.Get, $"/intake/attachments/{id}"), token, task, Purpose, null, null);

    private static async Task<JsonNode> JsonAsync(HttpResponseMessage response) => JsonNode.Parse(await response.Content.ReadAsStringAsync(Ct))!;

    private static async Task<string?> CodeAsync(HttpResponseMessage response) => (string?)(await JsonAsync(response))["errors"]![0]!["extensions"]!["code"];

    private static async Task<int> CountReadsAsync(Hub.Testing.Databases.TestDatabase database)
    {
        await using var db = database.CreateContext();
        return await db.AccessRecords.CountAsync(r => r.Operation == IntakeAttachmentService.ReadOperation, Ct);
    }

    // A body whose length is not known in advance (sent chunked), so only the read itself can enforce the limit.
    private sealed class UnknownLengthStream(byte[] content) : MemoryStream(content)
    {
        public override bool CanSeek => false;
    }
}

/// <summary>Attachments over HTTP on SQLite.</summary>
public sealed class SqliteIntakeAttachmentHttpTests(SqliteHubGraphQLFixture fixture)
    : IntakeAttachmentHttpSpecification<SqliteHubGraphQLFixture>(fixture), IClassFixture<SqliteHubGraphQLFixture>;

/// <summary>Attachments over HTTP on PostgreSQL.</summary>
public sealed class PostgreSqlIntakeAttachmentHttpTests(PostgreSqlHubGraphQLFixture fixture)
    : IntakeAttachmentHttpSpecification<PostgreSqlHubGraphQLFixture>(fixture), IClassFixture<PostgreSqlHubGraphQLFixture>;
