using System.Net;
using System.Net.Http.Headers;
using Hub.Capabilities.Audit;
using Hub.Capabilities.PushTargets;
using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;
using Hub.Api.Security;
using Hub.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Tests.PushTargets;

/// <summary>GET /exports/push-targets/{id} through the real host on a generated SQLite city.</summary>
[Collection(nameof(SqliteCities))]
public sealed class PushTargetExportEndpointTests(SqliteCities cities)
{
    private const string Path = "/exports/push-targets/child-allowance-unclaimed?asOf=2026-04-01";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Planner => DevelopmentTokens.Issue("demo-planner", ["staff"], TimeSpan.FromMinutes(10));

    [Fact]
    public async Task Get_PlannerWithContext_StreamsNdjsonAndWritesOneAccessRecord()
    {
        await using var host = HubHost.Create("Development", cities.Databases[2].Options);
        using var client = host.CreateClient();
        var expected = new List<string>();
        await foreach (var atena in new PushTargetQuery(cities.Databases[2].Factory, TimeProvider.System).StreamAtenaNumbersAsync(
            PushTargetDefinitionReader.LoadDirectory(Hub.Adapters.Catalog.SchemaDirectory.Find("push-targets"))["child-allowance-unclaimed"].Criteria, GeneratedCities.CityAsOf, Ct))
        {
            expected.Add(atena);
        }

        using var request = Request(Path, Planner, "child-allowance", "application/x-ndjson");
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(expected.Count, body.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        await using var db = cities.Databases[2].CreateContext();
        var record = await db.AccessRecords.OrderByDescending(r => r.Sequence).FirstAsync(Ct);
        Assert.Equal(("demo-planner", "child-allowance"), (record.UserId, record.Task));
        Assert.Equal(expected, AccessRecordFormat.SplitSubjects(record.SubjectAtenaNumbers));
    }

    [Theory]
    [InlineData("none", "child-allowance", HttpStatusCode.Unauthorized, "UNAUTHENTICATED")]
    [InlineData("planner", null, HttpStatusCode.BadRequest, "CONTEXT_REQUIRED")]
    [InlineData("planner", "nhi", HttpStatusCode.Forbidden, "FIELD_FORBIDDEN")]
    [InlineData("clerk", "child-allowance", HttpStatusCode.Forbidden, "FIELD_FORBIDDEN")]
    public async Task Get_WithoutTokenContextOrExtract_FailsWithCode(string who, string? task, HttpStatusCode status, string code)
    {
        await using var host = HubHost.Create("Development", cities.Databases[0].Options);
        using var client = host.CreateClient();
        var token = who switch { "planner" => Planner, "clerk" => DevelopmentTokens.Issue("demo-child-clerk", ["staff"], TimeSpan.FromMinutes(10)), _ => null };

        using var response = await client.SendAsync(Request(Path, token, task, null), Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Contains(code, await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_UnknownDefinition_IsNotFound()
    {
        await using var host = HubHost.Create("Development", cities.Databases[0].Options);
        using var client = host.CreateClient();

        using var response = await client.SendAsync(Request("/exports/push-targets/no-such-list", Planner, "child-allowance", null), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private static HttpRequestMessage Request(string path, string? token, string? task, string? accept)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (task is not null)
        {
            request.Headers.Add(HubHeaders.Task, task);
        }

        request.Headers.Add(HubHeaders.Purpose, "push-notice");
        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return request;
    }
}
