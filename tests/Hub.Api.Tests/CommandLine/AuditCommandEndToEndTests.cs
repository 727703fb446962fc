using Hub.Capabilities.Audit;
using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;
using Hub.Api.Tests.Hosting;
using Hub.Data.Providers;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Tests.CommandLine;

/// <summary>
/// <c>hub audit verify</c> and <c>hub audit report</c> as a privacy officer runs them: the built executable against a
/// real database holding a chain the hub wrote, before and after someone edits it behind the hub's back.
/// </summary>
public sealed class AuditCommandEndToEndTests : IDisposable
{
    private static readonly HubRequestContext Clerk = new("resident-registry", "窓口", "CASE-1", "demo-resident-clerk", ["staff"], null, "kiosk-1");
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-audit-cli-").FullName;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Verify_IntactThenTampered_ExitCodeAndTheRecordNamed(DatabaseProvider provider)
    {
        await using var database = await ChainAsync(provider, new DateTimeOffset(2025, 6, 2, 1, 0, 0, TimeSpan.Zero), 4);

        var (intactCode, intactOut, _) = await RunAsync(database, "audit", "verify");
        Assert.Equal(0, intactCode);
        Assert.Contains("access records intact: 4 record(s), chain head 4", intactOut, StringComparison.Ordinal);

        await using (var db = database.CreateContext())
        {
            await db.AccessRecords.Where(r => r.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(r => r.UserId, "someone-else"), TestContext.Current.CancellationToken);
        }

        var (code, output, error) = await RunAsync(database, "audit", "verify");

        Assert.Equal(1, code);
        Assert.Contains("record 2: changed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("record 3", output, StringComparison.Ordinal);
        Assert.Contains("access records TAMPERED", output, StringComparison.Ordinal);
        Assert.DoesNotContain("200001", error, StringComparison.Ordinal); // no subject atena number in the log stream
    }

    [Fact]
    public async Task Report_AfterHoursAccess_FlaggedWithTheUser()
    {
        // 2025-06-02 14:00 UTC is 23:00 JST, outside the default office hours 8-19.
        await using var database = await ChainAsync(DatabaseProvider.Sqlite, new DateTimeOffset(2025, 6, 2, 14, 0, 0, TimeSpan.Zero), 2);

        var (code, output, _) = await RunAsync(database, "audit", "report");

        Assert.Equal(0, code);
        Assert.Contains("after-hours: record 1 at 2025-06-02 23:00 JST by demo-resident-clerk in task resident-registry", output, StringComparison.Ordinal);
        Assert.Contains("after-hours: record 2 at", output, StringComparison.Ordinal);
        Assert.Contains("2 finding(s) in 2 record(s)", output, StringComparison.Ordinal);

        var (quietCode, quietOutput, _) = await RunAsync(database, "audit", "report", "--hours", "0-24");
        Assert.Equal(0, quietCode);
        Assert.Contains("0 finding(s) in 2 record(s)", quietOutput, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_BadOfficeHours_Exit2NamingTheOption()
    {
        await using var database = await ChainAsync(DatabaseProvider.Sqlite, new DateTimeOffset(2025, 6, 2, 1, 0, 0, TimeSpan.Zero), 1);

        var (code, _, error) = await RunAsync(database, "audit", "report", "--hours", "evening");

        Assert.Equal(2, code);
        Assert.StartsWith("hub audit report: ", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<(int Code, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        await using var hub = HubProcess.Start(_dir, "Production", [.. args,
            "--Database:Provider=" + database.Provider, "--Database:ConnectionString=" + database.Options.ConnectionString]);
        var code = await hub.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (code, hub.StandardOutput, hub.StandardError);
    }

    private static async Task<TestDatabase> ChainAsync(DatabaseProvider provider, DateTimeOffset at, int count)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var writer = new DatabaseAccessRecordWriter(database.Factory, new FixedTime(at));
        for (var i = 0; i < count; i++)
        {
            await writer.AppendAsync(Clerk, new AccessEntry(["resident"], ["20000" + i], ["resident.name"], false), "1", TestContext.Current.CancellationToken);
        }

        return database;
    }

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
