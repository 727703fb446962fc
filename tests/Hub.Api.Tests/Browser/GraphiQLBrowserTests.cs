using System.Text.Json;
using Hub.Api.Tests.Http;

namespace Hub.Api.Tests.Browser;

/// <summary>
/// GraphiQL in a real browser: Debian's headless Chromium, driven by playwright-core, loads /graphql/ui from the real hub
/// executable, renders the editors, fetches the schema and runs the default query with the prefilled headers — and
/// asks nothing of any host but the hub on loopback (city networks such as LGWAN reach no CDN).
/// </summary>
public sealed class GraphiQLBrowserTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";
    private static readonly NodePackage Driver = new("Browser/Driver", "playwright-core");

    [Fact]
    public async Task GraphiQL_RendersAndRunsTheDefaultQuery_TalkingToLoopbackOnly()
    {
        SkipUnlessChromium();
        Driver.SkipUnlessReady();
        await using var hub = await RunningHub.StartAsync("Development");

        var (code, stdout, stderr) = await Driver.RunNodeAsync(["render.mjs", hub.BaseUrl + "/graphql/ui"]);

        Assert.True(code == 0, $"node render.mjs failed ({code}): {stderr}");
        output.WriteLine(stdout);
        using var report = JsonDocument.Parse(stdout);
        var root = report.RootElement;
        Assert.False(root.TryGetProperty("failure", out var failure), "the page did not work: " + failure);
        Assert.Equal("MunicipalHub GraphiQL (Development)", root.GetProperty("title").GetString());
        Assert.True(root.GetProperty("editors").GetInt32() >= 3, "query, variables/headers and response editors");
        Assert.Contains("X-Hub-Task", root.GetProperty("headersEditor").GetString(), StringComparison.Ordinal);

        var requests = root.GetProperty("requests").EnumerateArray().Select(r => new Uri(r.GetString()!)).ToList();
        Assert.Contains(requests, r => r.AbsolutePath == "/graphql/ui/graphiql.js");
        Assert.All(requests, r => Assert.True(r.Scheme == "data" || r.IsLoopback, "request to a host other than loopback: " + r));

        // Every /graphql request (the schema, then the query) got past authentication and the request context.
        var statuses = root.GetProperty("graphql").EnumerateArray().Select(g => g.GetProperty("status").GetInt32()).ToList();
        Assert.True(statuses.Count >= 2, "schema and query requests");
        Assert.DoesNotContain(401, statuses);
        var result = root.GetProperty("result").GetString()!;
        Assert.DoesNotContain("UNAUTHENTICATED", result, StringComparison.Ordinal);
        Assert.DoesNotContain("CONTEXT_REQUIRED", result, StringComparison.Ordinal);
        // The default query lacks its variable, so its 400 (a validation error) is the one error the console may show.
        Assert.DoesNotContain(root.GetProperty("consoleErrors").EnumerateArray(), e => !e.GetString()!.Contains("status of 400", StringComparison.Ordinal));
    }

    private static void SkipUnlessChromium()
    {
        if (File.Exists(Chromium))
        {
            return;
        }

        const string Reason = Chromium + " is missing (Debian package chromium; .ci/run installs it)";
        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail("CI must run this test, but " + Reason);
        }

        Assert.Skip(Reason);
    }
}
