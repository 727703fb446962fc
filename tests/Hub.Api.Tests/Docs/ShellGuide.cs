using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Hub.Api.Tests.Docs;

/// <summary>
/// Runs a page of <c>docs/</c> as a newcomer pastes it: every <c>sh</c> block, in order, in one bash, in an empty folder,
/// against the hub built with these tests (<c>HUB_HOME</c>).
/// </summary>
internal static partial class ShellGuide
{
    /// <summary>Runs the <c>sh</c> blocks of <paramref name="page"/> (e.g. <c>intake.md</c>) in <paramref name="folder"/>; at least <paramref name="minimumBlocks"/> must be there.</summary>
    public static async Task<(int ExitCode, string Stdout, string Stderr)> RunAsync(string page, string folder, int minimumBlocks, TimeSpan timeout)
    {
        var ct = TestContext.Current.CancellationToken;
        var text = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", page), ct);
        var blocks = ShellBlock().Matches(text).Select(m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count >= minimumBlocks, $"docs/{page} has {blocks.Count} sh block(s); its walkthrough has at least {minimumBlocks}");
        var script = Path.Combine(folder, "guide.sh");
        await File.WriteAllTextAsync(script, string.Join("\n", blocks), ct);
        var work = Directory.CreateDirectory(Path.Combine(folder, "work")).FullName;

        var psi = new ProcessStartInfo("bash") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        psi.Environment["HUB_HOME"] = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        using var bash = Process.Start(psi)!;
        var stdout = bash.StandardOutput.ReadToEndAsync(ct);
        var stderr = bash.StandardError.ReadToEndAsync(ct);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await bash.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            bash.Kill(entireProcessTree: true);
            throw;
        }

        return (bash.ExitCode, await stdout, await stderr);
    }

    /// <summary>The folder holding <c>MunicipalHub.sln</c>.</summary>
    public static string RepositoryRoot()
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

    /// <summary>Deletes a guide's folder; a file still held by an exiting process is left for later.</summary>
    public static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by an exiting process: the temp folder is cleaned up later.
        }
    }

    [GeneratedRegex(@"^```sh\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex ShellBlock();
}
