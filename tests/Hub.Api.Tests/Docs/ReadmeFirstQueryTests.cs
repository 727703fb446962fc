using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Hub.Api.Tests.Hosting;
using Hub.Api.Tests.Http;

namespace Hub.Api.Tests.Docs;

/// <summary>
/// The README's "A first query" as a newcomer pastes it: its <c>sh</c> block runs in bash at the repository's root
/// (so its <c>dotnet run … token</c> runs as written) against the real hub serving the default demo city (10,000
/// residents, seed 1), only the port changed; the answer must be the JSON the README shows, byte for byte as JSON.
/// And the hub listens where <c>ASPNETCORE_URLS</c> says, which a <c>Urls</c> in <c>appsettings.json</c> used to shadow.
/// </summary>
public sealed partial class ReadmeFirstQueryTests
{
    private const string ReadmeUrl = "http://127.0.0.1:5080";

    [Fact]
    public async Task FirstQuery_PastedAsWritten_AnswersWhatTheReadmeShows()
    {
        var ct = TestContext.Current.CancellationToken;
        var readme = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "README.md"), ct);
        var section = readme[readme.IndexOf("## A first query", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];
        var command = ShellBlock().Match(section).Groups[1].Value;
        var shown = JsonBlock().Match(section).Groups[1].Value;
        Assert.Contains(ReadmeUrl, command, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(shown), "the section shows no answer");

        await using var hub = await RunningHub.StartAsync("Development", 10_000);
        var psi = new ProcessStartInfo("bash") { WorkingDirectory = RepositoryRoot(), RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add("set -euo pipefail\n" + command.Replace(ReadmeUrl, hub.BaseUrl, StringComparison.Ordinal));
        using var bash = Process.Start(psi)!;
        var stdout = bash.StandardOutput.ReadToEndAsync(ct);
        var stderr = bash.StandardError.ReadToEndAsync(ct);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await bash.WaitForExitAsync(timeout.Token);

        Assert.True(bash.ExitCode == 0, $"exit {bash.ExitCode}\nstdout:\n{await stdout}\nstderr:\n{await stderr}");
        var answer = await stdout;
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(shown), JsonNode.Parse(answer)), $"the README shows:\n{shown}\nthe hub answered:\n{answer}");
    }

    [Fact]
    public async Task AspNetCoreUrls_WithNoOtherSetting_IsWhereTheHubListens()
    {
        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("hub-urls-").FullName;
        try
        {
            await using var hub = HubProcess.Start(folder, "Development", new Dictionary<string, string> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" }, "--Hub:Demo:SeedWhenEmpty=false");
            const string Banner = "MunicipalHub is serving GraphQL at ";
            var line = await hub.WaitForLineAsync(l => l.StartsWith(Banner, StringComparison.Ordinal), TimeSpan.FromMinutes(3));

            Assert.True(line is not null, hub.StandardOutput + hub.StandardError);
            Assert.Equal($"http://127.0.0.1:{port}/graphql", line[Banner.Length..].Trim());
            using var http = new HttpClient();
            var health = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"), TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held by the exiting process: the temp folder is cleaned up later.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MunicipalHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("MunicipalHub.sln was not found above " + AppContext.BaseDirectory);
    }

    [GeneratedRegex(@"^```sh\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex ShellBlock();

    [GeneratedRegex(@"^```json\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex JsonBlock();
}
