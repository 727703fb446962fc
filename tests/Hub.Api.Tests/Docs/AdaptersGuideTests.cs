using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Hub.Api.Tests.Docs;

/// <summary>
/// docs/adapters.md walks a vendor from an empty folder to a record in GraphQL by both routes (a layout file, a plug-in
/// assembly). Every <c>sh</c> block of the page runs here as written, in order, in one bash, in an empty temporary folder
/// against the hub built with these tests (<c>HUB_HOME</c>): a command that fails fails the test.
/// </summary>
public sealed partial class AdaptersGuideTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-guide-").FullName;

    [Fact]
    public async Task Guide_EveryShellBlock_RunsAsWritten()
    {
        var guide = await File.ReadAllTextAsync(Path.Combine(RepositoryRoot(), "docs", "adapters.md"), TestContext.Current.CancellationToken);
        var blocks = ShellBlock().Matches(guide).Select(m => m.Groups[1].Value).ToList();
        Assert.True(blocks.Count >= 4, $"docs/adapters.md has {blocks.Count} sh block(s); the walkthrough has at least 4");
        var script = Path.Combine(_dir, "guide.sh");
        await File.WriteAllTextAsync(script, string.Join("\n", blocks), TestContext.Current.CancellationToken);
        var work = Directory.CreateDirectory(Path.Combine(_dir, "work")).FullName;

        var psi = new ProcessStartInfo("bash") { WorkingDirectory = work, RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add(script);
        psi.Environment["HUB_HOME"] = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        using var bash = Process.Start(psi)!;
        var stdout = bash.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = bash.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        try
        {
            await bash.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            bash.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(bash.ExitCode == 0, $"the guide's commands failed (exit {bash.ExitCode}).\nstdout:\n{await stdout}\nstderr:\n{await stderr}");
        Assert.Contains("\"fiscalYear\":2031", await stdout, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by an exiting process: the temp folder is cleaned up later.
        }
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
}
