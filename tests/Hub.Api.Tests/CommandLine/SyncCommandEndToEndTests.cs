using Hub.Adapters.Layouts;
using Hub.Api.Tests.Hosting;
using Hub.Api.Tests.Support;
using Hub.Data.Providers;
using Hub.Testing.Databases;

namespace Hub.Api.Tests.CommandLine;

/// <summary>
/// <c>hub sync run|status|quarantine</c> as an operator runs them, the built executable against a real database: a
/// registry export in CP932 (Shift_JIS) read as UTF-8 quarantines every row, so the run fails with exit code 1 and a hint
/// naming the encoding, <c>sync status</c> shows it failed, <c>sync quarantine</c> keeps every row; read again from the
/// start as cp932, the rows load and their quarantine entries close.
/// </summary>
public sealed class SyncCommandEndToEndTests : IDisposable
{
    private const string Hint = "the file looks like CP932 (Shift_JIS); set its encoding to cp932 in the layout";
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-sync-cli-").FullName;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task SyncRun_Cp932ExportReadAsUtf8_FailsWithTheHint_ThenLoadsReadAgainAsCp932(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var file = await new RegistryCsv()
            .Person(1, 1, 1, "世帯主", "1", "昭和55年5月10日", name: "渡辺　健一")
            .Person(2, 1, 1, "妻", "2", "昭和57年8月1日", name: "渡辺　美咲")
            .Person(3, 1, 1, "子", "1", "平成27年5月5日", name: "渡辺　翔太")
            .WriteAsync(Path.Combine(_dir, "residents.csv"), TextEncodings.Get("cp932"));

        var (code, output, error) = await RunAsync(database, file, "sync", "run", "--source", "resident-registry");

        Assert.Equal(1, code);
        Assert.Contains("hub: resident-registry: every row read (3) was quarantined and nothing was loaded; " + Hint, error, StringComparison.Ordinal);
        Assert.Contains("hub sync run --source resident-registry --from-start", error, StringComparison.Ordinal);
        Assert.DoesNotContain("渡辺", output + error, StringComparison.Ordinal); // no value of a row in what the hub prints

        var (statusCode, status, _) = await RunAsync(database, file, "sync", "status");
        Assert.Equal(0, statusCode);
        var line = status.Split('\n').First(l => l.StartsWith("resident-registry ", StringComparison.Ordinal));
        Assert.Contains(" Failed ", line, StringComparison.Ordinal);
        Assert.Contains(Hint, status, StringComparison.Ordinal);

        var (_, quarantine, count) = await RunAsync(database, file, "sync", "quarantine");
        Assert.Equal(3, quarantine.Split('\n').Count(l => l.Contains("\tresidents.csv:", StringComparison.Ordinal) && l.EndsWith("\trow is not valid UTF-8", StringComparison.Ordinal)));
        Assert.Contains("3 entries", count, StringComparison.Ordinal);

        var (againCode, again, againError) = await RunAsync(database, file, "sync", "run", "--source", "resident-registry", "--from-start", "--Hub:Sources:resident-registry:Options:Encoding=cp932");
        Assert.True(againCode == 0, againError);
        Assert.Matches(@"resident-registry\s+Succeeded\s+3\s+3\s+0\s+0\s+0\s+yes", again);

        var (_, _, remaining) = await RunAsync(database, file, "sync", "quarantine");
        Assert.Contains("0 entries", remaining, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncRun_UnknownRegistryEncoding_Exit2NamingTheSetting()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

        var (code, _, error) = await RunAsync(database, Path.Combine(_dir, "residents.csv"), "sync", "run", "--Hub:Sources:resident-registry:Options:Encoding=latin1");

        Assert.Equal(2, code);
        Assert.StartsWith("hub: Setting Hub:Sources:resident-registry:Options: ", error, StringComparison.Ordinal);
        Assert.Contains("Encoding 'latin1' is not one of utf-8, utf-8-bom, shift_jis, cp932, euc-jp.", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<(int Code, string Output, string Error)> RunAsync(TestDatabase database, string registry, params string[] args)
    {
        await using var hub = HubProcess.Start(_dir, "Production", [.. args,
            "--Database:Provider=" + database.Provider, "--Database:ConnectionString=" + database.Options.ConnectionString,
            "--Hub:Sources:resident-registry:Options:FilePath=" + registry, "--Hub:Sources:resident-tax:Enabled=false",
            "--Hub:Sources:nhi:Enabled=false", "--Hub:Sources:child-allowance:Enabled=false",
            "--Hub:Sources:long-term-care:Enabled=false", "--Hub:Sources:late-elderly:Enabled=false"]);
        var code = await hub.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (code, hub.StandardOutput, hub.StandardError);
    }
}
