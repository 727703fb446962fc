using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Api.Security;
using Hub.Api.Tests.Http;

namespace Hub.Api.Tests.Browser;

/// <summary>
/// The privacy officers' console in a real browser: Debian's headless Chromium, driven by playwright-core, against the
/// real hub executable on a small demo city. Four eyes end to end (sign in with the keyboard, grant a cell with a legal
/// basis, see the impact, be refused approval as the author, approve as a second officer, publish, see the pre-fill item
/// change on the GraphQL API, roll back), axe-core on every screen (no serious or critical violation), only loopback
/// asked for anything. With <c>HUB_CONSOLE_SCREENSHOTS=&lt;folder&gt;</c> it saves a PNG per screen (docs/console).
/// </summary>
public sealed class ConsoleBrowserTests(ITestOutputHelper output)
{
    private const string Chromium = "/usr/bin/chromium";
    private const string Atena = "1000000074";
    private static readonly NodePackage Driver = new("Browser/Driver", "axe-core");

    [Fact]
    public async Task Console_FourEyesFromGrantToRollback_InChromium_AccessibleAndLoopbackOnly()
    {
        SkipUnlessChromium();
        Driver.SkipUnlessReady();
        await using var hub = await RunningHub.StartAsync("Development", demoResidents: 200);
        var shots = Environment.GetEnvironmentVariable("HUB_CONSOLE_SCREENSHOTS") is { Length: > 0 } folder ? Path.GetFullPath(folder, NodePackage.RepositoryRoot) : null;
        if (shots is not null)
        {
            Directory.CreateDirectory(shots);
        }

        string[] args = ["console.mjs", hub.BaseUrl, Token("demo-privacy-officer"), Token("demo-privacy-reviewer"), Token("demo-tax-clerk"), Atena, .. shots is null ? Array.Empty<string>() : [shots]];
        var (code, stdout, stderr) = await Driver.RunNodeAsync(args, timeoutSeconds: 300);

        Assert.True(code == 0, $"node console.mjs failed ({code}): {stderr}");
        output.WriteLine(stdout);
        var report = JsonNode.Parse(stdout)!;
        Assert.True(report["failure"] is null, "the console did not work: " + report["failure"]);
        Assert.True((bool)report["tabReachesToken"]! && (bool)report["tabReachesSignIn"]!, "sign-in is not reachable by keyboard");
        Assert.True((bool)report["csvHasGrant"]!, "the raw CSV does not show the granted cell");
        Assert.Contains("追加しました", (string?)report["ordinanceAdded"], StringComparison.Ordinal);
        Assert.True((bool)report["ordinanceRowListed"]!, "the added ordinance row is not listed in 条例・別表");
        Assert.Contains("削除しました", (string?)report["ordinanceRemoved"], StringComparison.Ordinal);
        Assert.True((bool)report["ordinanceRowGone"]!, "the removed ordinance row is still listed");
        Assert.Contains("demo-tax-clerk", (string?)report["impactDecisions"], StringComparison.Ordinal);
        Assert.Contains("resident.postalCode", (string?)report["impactDecisions"], StringComparison.Ordinal);
        Assert.Contains("child-allowance-application", (string?)report["impactForms"], StringComparison.Ordinal);
        Assert.Contains("地方税法 第294条 (納税義務者の住所)", (string?)report["matrix"], StringComparison.Ordinal);
        Assert.Contains("another officer", (string?)report["authorApproval"], StringComparison.Ordinal);
        Assert.Contains("決裁しました", (string?)report["reviewerApproval"], StringComparison.Ordinal);
        Assert.Contains("公開しました", (string?)report["published"], StringComparison.Ordinal);
        Assert.Equal(("WITHHELD", "FILLED", "WITHHELD"), ((string?)report["prefillBefore"], (string?)report["prefillAfterPublish"], (string?)report["prefillAfterRollback"]));
        Assert.Contains(report["draft"]!.ToString(), (string?)report["nodes"], StringComparison.Ordinal);
        Assert.Contains("戻しました", (string?)report["rolledBack"], StringComparison.Ordinal);

        // axe-core on every screen: nothing serious or critical.
        var screens = report["axe"]!.AsObject();
        Assert.Equal(["signin", "versions", "ordinances", "draft", "impact", "matrix", "invariants", "published", "audit"], screens.Select(s => s.Key));
        foreach (var (screen, violations) in screens)
        {
            var bad = violations!.AsArray().Where(v => (string?)v!["impact"] is "serious" or "critical").Select(v => $"{v!["id"]}: {v["help"]}").ToList();
            Assert.True(bad.Count == 0, $"{screen}: " + string.Join("; ", bad));
        }

        Assert.All(report["requests"]!.AsArray().Select(r => new Uri((string)r!)), r => Assert.True(r.Scheme == "data" || r.IsLoopback, "request to a host other than loopback: " + r));
        Assert.Empty(report["consoleErrors"]!.AsArray());

        // The officer's search about a resident on the audit screen is itself in the access log.
        var records = await AccessRecordsAsync(hub.BaseUrl);
        Assert.Contains(records, r => (string?)r!["operation"] == "console:accessRecords" && (string?)r["userId"] == "demo-privacy-reviewer");
    }

    private static string Token(string user) => DevelopmentTokens.Issue(user, ["staff"], TimeSpan.FromMinutes(30));

    private static async Task<JsonArray> AccessRecordsAsync(string baseUrl)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(baseUrl + "/graphql"))
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = $"{{ accessRecords(atenaNumber: \"{Atena}\") {{ operation userId }} }}" }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token("demo-privacy-officer"));
        request.Headers.Add("X-Hub-Task", "privacy-audit");
        request.Headers.Add("X-Hub-Purpose", "audit");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        return body["data"]?["accessRecords"]?.AsArray() ?? throw new InvalidOperationException(body.ToJsonString());
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
