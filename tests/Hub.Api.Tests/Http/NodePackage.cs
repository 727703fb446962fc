using System.Diagnostics;

namespace Hub.Api.Tests.Http;

/// <summary>
/// A folder of the test project with a <c>package.json</c> whose npm packages are installed on first use
/// (<c>npm install</c>, node_modules gitignored) and whose scripts are run with node. <see cref="Unavailable"/> says why
/// it cannot run; <see cref="SkipUnlessReady"/> skips a test for that reason, or fails it under CI.
/// </summary>
internal sealed class NodePackage
{
    private readonly Lazy<string?> _setup;

    public NodePackage(string relativeFolder, string markerPackage)
    {
        Folder = Path.Combine(RepositoryRoot, "tests", "Hub.Api.Tests", relativeFolder);
        _setup = new Lazy<string?>(() => Install(markerPackage));
    }

    public static string RepositoryRoot { get; } = FindRoot();

    public string Folder { get; }

    /// <summary>Null when node and the packages are ready; otherwise the reason they are not.</summary>
    public string? Unavailable => _setup.Value;

    /// <summary>Skips the calling test when the packages cannot run; under CI (<c>CI=true</c>) fails it instead.</summary>
    public void SkipUnlessReady()
    {
        if (Unavailable is not { } reason)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail($"CI must run this test, but {reason}");
        }

        Assert.Skip(reason);
    }

    /// <summary>Runs <c>node</c> with <paramref name="args"/> in the folder.</summary>
    public Task<(int Code, string Stdout, string Stderr)> RunNodeAsync(IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment = null, int timeoutSeconds = 180) =>
        ExecuteAsync("node", args, environment, timeoutSeconds);

    private string? Install(string markerPackage)
    {
        try
        {
            if (Execute("node", ["--version"], 20).Code != 0)
            {
                return "node is not on PATH";
            }

            if (File.Exists(Path.Combine(Folder, "node_modules", markerPackage, "package.json")))
            {
                return null;
            }

            var (code, _, stderr) = Execute("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock"], 300);
            return code == 0 ? null : $"npm install in {Folder} failed: {stderr.Trim()}";
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return "node/npm are not available: " + ex.Message;
        }
    }

    private (int Code, string Stdout, string Stderr) Execute(string file, IReadOnlyList<string> args, int timeoutSeconds) =>
        ExecuteAsync(file, args, null, timeoutSeconds).GetAwaiter().GetResult();

    private async Task<(int Code, string Stdout, string Stderr)> ExecuteAsync(string file, IReadOnlyList<string> args, IReadOnlyDictionary<string, string>? environment, int timeoutSeconds)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, await stdout, $"{file} did not finish within {timeoutSeconds} s. {await stderr}");
        }

        return (process.ExitCode, await stdout, await stderr);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MunicipalHub.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("MunicipalHub.sln not found above " + AppContext.BaseDirectory);
    }
}
