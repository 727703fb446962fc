using System.Diagnostics;
using System.Text.Json;

namespace Hub.Policy.Tests.Support;

/// <summary>
/// The real npm <c>casbin</c> package (node-casbin), installed on first use into <c>tests/Hub.Policy.Tests/Oracle/node_modules</c>
/// with <c>npm install</c>, and run through <c>Oracle/oracle.js</c>. <see cref="Unavailable"/> says why it cannot run.
/// </summary>
internal static class NodeCasbin
{
    private static readonly Lazy<string?> Setup = new(Install);

    public static string Folder { get; } = Path.Combine(RepositoryPaths.Root, "tests", "Hub.Policy.Tests", "Oracle");

    /// <summary>Null when node-casbin is ready; otherwise the reason it is not.</summary>
    public static string? Unavailable => Setup.Value;

    /// <summary>Runs oracle.js over <paramref name="cases"/> (serialised as JSON) and returns its parsed output.</summary>
    public static JsonDocument Run(object cases, bool bench = false, int timeoutSeconds = 120)
    {
        var input = Path.Combine(Path.GetTempPath(), $"hub-policy-oracle-{Guid.NewGuid():N}.json");
        File.WriteAllText(input, JsonSerializer.Serialize(cases));
        try
        {
            var (code, stdout, stderr) = Execute("node", bench ? ["oracle.js", "--bench", input] : ["oracle.js", input], timeoutSeconds);
            if (code != 0)
            {
                throw new InvalidOperationException($"node oracle.js failed ({code}): {stderr}");
            }

            return JsonDocument.Parse(stdout);
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static string? Install()
    {
        try
        {
            if (Execute("node", ["--version"], 20).Code != 0)
            {
                return "node is not on PATH";
            }

            if (File.Exists(Path.Combine(Folder, "node_modules", "casbin", "package.json")))
            {
                return null;
            }

            var (code, _, stderr) = Execute("npm", ["install", "--no-audit", "--no-fund", "--no-package-lock"], 180);
            return code == 0 ? null : "npm install casbin failed: " + stderr.Trim();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return "node/npm not available: " + ex.Message;
        }
    }

    private static (int Code, string Stdout, string Stderr) Execute(string file, string[] args, int timeoutSeconds)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = Folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, string.Empty, $"{file} timed out after {timeoutSeconds} s");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
