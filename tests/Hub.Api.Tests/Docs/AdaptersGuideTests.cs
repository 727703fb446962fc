namespace Hub.Api.Tests.Docs;

/// <summary>
/// docs/adapters.md walks a vendor from an empty folder to a record in GraphQL by both routes (a layout file, a plug-in
/// assembly). Every <c>sh</c> block of the page runs here as written, in order, in one bash, in an empty temporary folder
/// against the hub built with these tests (<c>HUB_HOME</c>): a command that fails fails the test.
/// </summary>
public sealed class AdaptersGuideTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-guide-").FullName;

    [Fact]
    public async Task Guide_EveryShellBlock_RunsAsWritten()
    {
        var (exit, stdout, stderr) = await ShellGuide.RunAsync("adapters.md", _dir, 4, TimeSpan.FromMinutes(15));

        Assert.True(exit == 0, $"the guide's commands failed (exit {exit}).\nstdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.Contains("\"fiscalYear\":2031", stdout, StringComparison.Ordinal);
    }

    public void Dispose() => ShellGuide.Delete(_dir);
}
