using Hub.Adapters.ResidentRegistry;
using Hub.Data.Providers;
using Hub.Data.Queries;
using Hub.Sync.Running;
using Hub.Sync.Tests.Support;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Sync.Tests.Specification;

/// <summary>First sync, re-sync, history, quarantine and resume of the resident registry, on every provider.</summary>
public abstract class ResidentSyncSpecification(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-sync-").FullName;
    private TestDatabase? _db;

    private TestDatabase Db => _db!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task FirstSync_WellFormedExport_InsertsEveryRowBalancedWithHouseholds()
    {
        var file = Family().WriteTo(Path.Combine(_dir, "residents.csv"));

        var summary = await Run(file);

        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal((4, 4, 0, 0, 0), (summary.Read, summary.Inserted, summary.Updated, summary.Unchanged, summary.Quarantined));
        await using var ctx = Db.CreateContext();
        var members = await ctx.Residents.Living().Where(r => r.HouseholdNumber == ResidentExport.Household(1)).OrderBy(r => r.AtenaNumber).ToListAsync(Ct);
        Assert.Equal(["世帯主", "妻", "子", "子"], members.Select(m => m.Relationship));
        var household = await ctx.Households.Latest().SingleAsync(Ct);
        Assert.Equal(ResidentExport.Atena(1), household.HeadAtenaNumber);
        Assert.Equal("山田　太郎", household.HeadName);
        var run = await ctx.SyncRuns.SingleAsync(Ct);
        Assert.Equal(SyncRunStatus.Succeeded, run.Status);
        Assert.True(run.IsBalanced);
    }

    [Fact]
    public async Task Resync_SameFile_ResumesAtTheEndAndReadsNothing()
    {
        var file = Family().WriteTo(Path.Combine(_dir, "residents.csv"));
        await Run(file);

        var second = await Run(file);

        Assert.True(second.Succeeded, second.Error);
        Assert.Equal(0, second.Read);
    }

    [Fact]
    public async Task NewExport_ChangedAndUnchangedRows_OpensNewVersionsOnlyForChanges()
    {
        var file = Path.Combine(_dir, "residents.csv");
        Family().WriteTo(file);
        await Run(file);

        var next = new ResidentExport()
            .Person(1, 1, "世帯主", 1, tweak: r => r["address"] = "東京都みなと市中央二丁目1番1号")
            .Person(2, 1, "妻", 1, name: "山田　花子", birth: "昭和47年5月1日", tweak: r => r["sex"] = "2")
            .Person(3, 1, "子", 1, name: "山田　一郎", birth: "平成15年7月7日")
            .Person(4, 1, "子", 1, name: "山田　次郎", birth: "令和元年5月1日");
        File.Delete(file);
        next.WriteTo(file);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));

        var summary = await Run(file);

        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal((4, 0, 1, 3, 0), (summary.Read, summary.Inserted, summary.Updated, summary.Unchanged, summary.Quarantined));
        await using var ctx = Db.CreateContext();
        var versions = await ctx.Residents.Where(r => r.AtenaNumber == ResidentExport.Atena(1)).OrderBy(r => r.RecordedAt).ThenBy(r => r.Id).ToListAsync(Ct);
        Assert.Equal(2, versions.Count);
        Assert.NotNull(versions[0].SupersededAt);
        Assert.Null(versions[1].SupersededAt);
        Assert.Equal("東京都みなと市中央二丁目1番1号", versions[1].Address);
        Assert.Equal("東京都みなと市中央二丁目1番1号", (await ctx.Households.Latest().SingleAsync(Ct)).Address);
    }

    [Fact]
    public async Task Removal_Death_EndsValidityKeepsEveryVersion()
    {
        var file = Path.Combine(_dir, "residents.csv");
        Family().WriteTo(file);
        await Run(file);
        var next = Family(r =>
        {
            if (r["atena_number"] == ResidentExport.Atena(4))
            {
                r["status"] = "2";
                r["change_reason"] = "死亡";
                r["change_date"] = "2025-12-01";
            }
        });
        File.Delete(file);
        next.WriteTo(file);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));

        var summary = await Run(file);

        Assert.Equal((1, 3), (summary.Updated, summary.Unchanged));
        await using var ctx = Db.CreateContext();
        Assert.Equal(3, await ctx.Residents.Living().CountAsync(Ct));
        var removed = await ctx.Residents.Latest().SingleAsync(r => r.AtenaNumber == ResidentExport.Atena(4), Ct);
        Assert.Equal(("消除", "死亡"), (removed.Status, removed.ChangeReason));
        Assert.Equal(new DateTime(2025, 11, 30, 15, 0, 0, DateTimeKind.Utc), removed.ValidTo);
        Assert.Equal(2, await ctx.Residents.CountAsync(r => r.AtenaNumber == ResidentExport.Atena(4), Ct));
    }

    [Fact]
    public async Task MalformedRows_AreQuarantinedWithFileLineAndReason_AndTheRunBalances()
    {
        var export = Family()
            .Raw("1,2,3")
            .Person(5, 2, "世帯主", 5, tweak: r => r["atena_number"] = r["atena_number"][..^1] + ((r["atena_number"][^1] - '0' + 1) % 10))
            .Person(6, 3, "世帯主", 6, birth: "昭和九十年")
            .Person(7, 4, "世帯主", 7, tweak: r => r["my_number"] = "123456789012")
            .Person(8, 5, "世帯主", 8, name: "住所に\n改行のある　人", tweak: r => r["address"] = "みなと市\n中央");
        var file = export.WriteTo(Path.Combine(_dir, "residents.csv"));

        var summary = await Run(file);

        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal((9, 5, 4), (summary.Read, summary.Inserted, summary.Quarantined));
        await using var ctx = Db.CreateContext();
        var q = await ctx.QuarantinedRecords.OrderBy(x => x.Id).ToListAsync(Ct);
        Assert.Equal(["residents.csv:6", "residents.csv:7", "residents.csv:8", "residents.csv:9"], q.Select(x => x.Location));
        Assert.Equal("expected 24 columns, found 3", q[0].Reason);
        Assert.Equal("atena_number: check digit does not match", q[1].Reason);
        Assert.StartsWith("birth_date:", q[2].Reason, StringComparison.Ordinal);
        Assert.Equal("my_number: check digit does not match", q[3].Reason);
        Assert.Equal("1,2,3"u8.ToArray(), q[0].RawBytes);
        Assert.DoesNotContain("昭和九十年", q[2].Reason, StringComparison.Ordinal);
        Assert.Contains("改行のある", (await ctx.Residents.SingleAsync(r => r.AtenaNumber == ResidentExport.Atena(8), Ct)).Name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuarantinedRow_FixedInALaterExport_IsLoadedAndResolved()
    {
        var file = Path.Combine(_dir, "residents.csv");
        new ResidentExport().Person(9, 9, "世帯主", 9, birth: "平成九十九年").WriteTo(file);
        var first = await Run(file);
        Assert.Equal(1, first.Quarantined);

        File.Delete(file);
        new ResidentExport().Person(9, 9, "世帯主", 9, birth: "平成3年2月29日").WriteTo(file);
        File.SetLastWriteTimeUtc(file, DateTime.UtcNow.AddMinutes(1));
        var second = await Run(file);

        Assert.Equal((1, 1, 0), (second.Read, second.Inserted, second.Quarantined));
        await using var ctx = Db.CreateContext();
        var entry = await ctx.QuarantinedRecords.SingleAsync(Ct);
        Assert.Equal(second.RunId, entry.ResolvedBySyncRunId);
        var r = await ctx.Residents.SingleAsync(Ct);
        Assert.Equal("平成3年2月29日", r.BirthDateText);
        Assert.False(r.BirthDateOnCalendar);
    }

    [Fact]
    public async Task DuplicateAtenaNumberInOneExport_SecondIsQuarantined()
    {
        var file = Family().Person(1, 1, "世帯主", 1, name: "別人　です").WriteTo(Path.Combine(_dir, "residents.csv"));

        var summary = await Run(file);

        Assert.Equal((5, 4, 1), (summary.Read, summary.Inserted, summary.Quarantined));
        await using var ctx = Db.CreateContext();
        Assert.Equal("山田　太郎", (await ctx.Residents.SingleAsync(r => r.AtenaNumber == ResidentExport.Atena(1), Ct)).Name);
    }

    [Fact]
    public async Task RunStoppedMidway_NextRunResumes_DatabaseEqualsAnUninterruptedRun()
    {
        var export = new ResidentExport();
        for (var i = 1; i <= 50; i++)
        {
            export.Person(i, (i + 2) / 3, i % 3 == 1 ? "世帯主" : "子", ((i - 1) / 3 * 3) + 1, name: $"住民　{i}");
        }

        var file = export.WriteTo(Path.Combine(_dir, "residents.csv"));
        using var stop = new CancellationTokenSource();
        var runner = Runner();
        var progress = new SynchronousProgress(read => { if (read >= 20) stop.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.RunAsync(Source(file, batchSize: 7), progress, stop.Token));

        var resumed = await Run(file, batchSize: 7);

        Assert.True(resumed.Succeeded, resumed.Error);
        await using var ctx = Db.CreateContext();
        var runs = await ctx.SyncRuns.OrderBy(r => r.Id).ToListAsync(Ct);
        Assert.Equal([SyncRunStatus.Abandoned, SyncRunStatus.Succeeded], runs.Select(r => r.Status));
        Assert.All(runs, r => Assert.True(r.IsBalanced));
        Assert.Equal(50, runs.Sum(r => r.Read));
        Assert.Equal(50, await ctx.Residents.CountAsync(Ct));
        Assert.Equal(Enumerable.Range(1, 50).Select(ResidentExport.Atena).Order(StringComparer.Ordinal), (await ctx.Residents.Select(r => r.AtenaNumber).ToListAsync(Ct)).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ExportWithoutRequiredColumn_FailsTheRunNamingFileAndColumn()
    {
        var file = Path.Combine(_dir, "residents.csv");
        await File.WriteAllTextAsync(file, "atena_number,name\n0000000019,山田\n", Ct);

        var summary = await Run(file);

        Assert.Equal(SyncRunStatus.Failed, summary.Status);
        Assert.Contains("residents.csv:1: header lacks column(s) household_number", summary.Error, StringComparison.Ordinal);
    }

    private static ResidentExport Family(Action<Dictionary<string, string>>? tweak = null) => new ResidentExport()
        .Person(1, 1, "世帯主", 1, tweak: tweak)
        .Person(2, 1, "妻", 1, name: "山田　花子", birth: "昭和47年5月1日", tweak: r => { r["sex"] = "2"; tweak?.Invoke(r); })
        .Person(3, 1, "子", 1, name: "山田　一郎", birth: "平成15年7月7日", tweak: tweak)
        .Person(4, 1, "子", 1, name: "山田　次郎", birth: "令和元年5月1日", tweak: tweak);

    private SyncRunner Runner() => new(Db.Factory, TimeProvider.System, NullLogger<SyncRunner>.Instance);

    private static SyncSource Source(string file, int batchSize = 2000) =>
        new("resident-registry", "resident-registry", () => new ResidentRegistryCsvAdapter(new ResidentRegistryCsvOptions { FilePath = file, BatchSize = batchSize }));

    private Task<SyncRunSummary> Run(string file, int batchSize = 2000) => Runner().RunAsync(Source(file, batchSize), null, Ct);

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}

public sealed class SqliteResidentSyncTests() : ResidentSyncSpecification(DatabaseProvider.Sqlite);

public sealed class PostgreSqlResidentSyncTests() : ResidentSyncSpecification(DatabaseProvider.PostgreSql);

public sealed class SqlServerResidentSyncTests() : ResidentSyncSpecification(DatabaseProvider.SqlServer);
