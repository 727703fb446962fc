using System.Text.Json;
using Hub.Api.Security;

namespace Hub.Api.Tests.Http;

/// <summary>
/// graphql-http's server audits (the GraphQL-over-HTTP spec's reference checks, npm <c>graphql-http</c>) against the
/// real hub executable on a loopback port: every MUST audit passes; SHOULD and MAY results are written to the output.
/// </summary>
public sealed class GraphQLHttpAuditTests(ITestOutputHelper output)
{
    private static readonly NodePackage Audits = new("Http/Audits", "graphql-http");

    [Fact]
    public async Task ServerAudits_EveryMustPasses()
    {
        Audits.SkipUnlessReady();
        await using var hub = await RunningHub.StartAsync("Development");
        var token = DevelopmentTokens.Issue("audit-clerk", ["resident-clerk"], TimeSpan.FromMinutes(10));

        var (code, stdout, stderr) = await Audits.RunNodeAsync(["audit.mjs", hub.GraphQLUrl], new Dictionary<string, string> { ["HUB_TOKEN"] = token });

        Assert.True(code == 0, $"node audit.mjs failed ({code}): {stderr}");
        var results = JsonSerializer.Deserialize<AuditResult[]>(stdout, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        foreach (var level in new[] { "MUST", "SHOULD", "MAY" })
        {
            var ofLevel = results.Where(r => r.Name.StartsWith(level + " ", StringComparison.Ordinal)).ToList();
            output.WriteLine($"{level}: {ofLevel.Count(r => r.Status == "ok")} of {ofLevel.Count} pass");
            foreach (var failed in ofLevel.Where(r => r.Status != "ok"))
            {
                output.WriteLine($"  {failed.Status} {failed.Id} {failed.Name}: {failed.Reason}");
            }
        }

        Assert.NotEmpty(results);
        var mustFailures = results.Where(r => r.Name.StartsWith("MUST ", StringComparison.Ordinal) && r.Status != "ok").ToList();
        Assert.True(mustFailures.Count == 0, "MUST audits failed:\n" + string.Join("\n", mustFailures.Select(f => $"{f.Id} {f.Name}: {f.Reason}")));
    }

    private sealed record AuditResult(string Id, string Name, string Status, string? Reason);
}
