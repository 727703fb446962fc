namespace Hub.Api.Tests.Docs;

/// <summary>
/// docs/intake.md "Try it": a resident applies in the portal, attaches a file, reads it back, is refused over the limit and
/// for a wrong type, and follows the application. Every <c>sh</c> block of the page runs as written, in order, in one bash,
/// in an empty folder against the hub built with these tests; a command that fails fails the test.
/// </summary>
public sealed class IntakeGuideTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-intake-guide-").FullName;

    [Fact]
    public async Task Guide_EveryShellBlock_RunsAsWritten()
    {
        var (exit, stdout, stderr) = await ShellGuide.RunAsync("intake.md", _dir, 5, TimeSpan.FromMinutes(15));

        Assert.True(exit == 0, $"the guide's commands failed (exit {exit}).\nstdout:\n{stdout}\nstderr:\n{stderr}");
        Assert.Contains("\"submitApplication\":{\"id\":", stdout, StringComparison.Ordinal);
        Assert.Contains("at most 10485760 bytes", stdout, StringComparison.Ordinal);
        Assert.Contains("application/pdf, image/jpeg, image/png", stdout, StringComparison.Ordinal);
        Assert.Contains("\"fileName\":\"certificate.pdf\"", stdout, StringComparison.Ordinal);
    }

    public void Dispose() => ShellGuide.Delete(_dir);
}
