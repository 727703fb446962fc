using Hub.Api.Tests.Hosting;

namespace Hub.Api.Tests.Http;

/// <summary>
/// The real <c>hub</c> executable serving on a free loopback port in a scratch folder (empty SQLite database, no demo
/// city): what graphql-http's audits and the browser test talk to.
/// </summary>
internal sealed class RunningHub : IAsyncDisposable
{
    private readonly HubProcess _process;
    private readonly string _folder;

    private RunningHub(HubProcess process, string folder, string graphQLUrl)
    {
        _process = process;
        _folder = folder;
        GraphQLUrl = graphQLUrl;
    }

    /// <summary>e.g. <c>http://127.0.0.1:41234/graphql</c>.</summary>
    public string GraphQLUrl { get; }

    /// <summary>e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string BaseUrl => GraphQLUrl[..^"/graphql".Length];

    /// <summary>Everything the hub wrote so far: standard output, then standard error.</summary>
    public string Output => _process.StandardOutput + _process.StandardError;

    public static Task<RunningHub> StartAsync(string environment, params string[] settings) =>
        StartAsync(environment, demoResidents: null, settings);

    /// <summary>Starts the hub; with <paramref name="demoResidents"/>, on a generated demo city of that size, synced before it serves.</summary>
    public static async Task<RunningHub> StartAsync(string environment, int? demoResidents, params string[] settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "hub-http-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        string[] demo = demoResidents is { } n
            ? ["--Hub:Demo:SeedWhenEmpty=true", $"--Hub:Demo:Residents={n}"]
            : ["--Hub:Demo:SeedWhenEmpty=false"];
        var process = HubProcess.Start(folder, environment, [.. settings, "--Urls=http://127.0.0.1:0", .. demo]);
        const string Banner = "MunicipalHub is serving GraphQL at ";
        var line = await process.WaitForLineAsync(l => l.StartsWith(Banner, StringComparison.Ordinal), TimeSpan.FromMinutes(5));
        if (line is null)
        {
            var output = $"stdout:\n{process.StandardOutput}\nstderr:\n{process.StandardError}";
            await process.DisposeAsync();
            throw new InvalidOperationException("The hub did not start serving. " + output);
        }

        return new RunningHub(process, folder, line[Banner.Length..].Trim());
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by the exiting process: the temp folder is cleaned up later.
        }
    }
}
