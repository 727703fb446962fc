using Hub.Adapters.ResidentRegistry;
using Hub.Data.Providers;
using Hub.Sync.Running;
using Hub.Sync.Tests.Support;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Sync.Tests.Specification;

/// <summary>After a large load on PostgreSQL the planner has statistics (ANALYZE), so extraction queries plan sensibly.</summary>
public sealed class PostgreSqlStatisticsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(SyncRunner.AnalyzeAfterChanges, true)]
    [InlineData(10, false)]
    public async Task Sync_OnPostgreSql_AnalyzesTablesOnlyAfterALargeLoad(int rows, bool analyzed)
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var dir = Directory.CreateTempSubdirectory("hub-analyze-").FullName;
        var export = new ResidentExport();
        for (var i = 1; i <= rows; i++)
        {
            export.Person(i, i, "世帯主", i, name: $"住民　{i}");
        }

        var file = export.WriteTo(Path.Combine(dir, "residents.csv"));
        var runner = new SyncRunner(db.Factory, TimeProvider.System, NullLogger<SyncRunner>.Instance);

        var summary = await runner.RunAsync(new SyncSource("resident-registry", "resident-registry", () => new ResidentRegistryCsvAdapter(new ResidentRegistryCsvOptions { FilePath = file })), null, Ct);

        Assert.True(summary.Succeeded, summary.Error);
        await using var ctx = db.CreateContext();
        var lastAnalyze = await ctx.Database.SqlQueryRaw<DateTime?>("SELECT last_analyze AS \"Value\" FROM pg_stat_user_tables WHERE relname = 'residents'").SingleAsync(Ct);
        Assert.Equal(analyzed, lastAnalyze is not null);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public async Task Sync_OnPostgreSql_LeavesASmallShareOfChangesToAutovacuum()
    {
        await using var db = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var dir = Directory.CreateTempSubdirectory("hub-analyze-share-").FullName;
        var file = Path.Combine(dir, "residents.csv");
        // Every run of 10 changes or more considers ANALYZE; a tenth of the 200 residents is 20.
        var runner = new SyncRunner(db.Factory, TimeProvider.System, NullLogger<SyncRunner>.Instance) { AnalyzeAfterChangesThreshold = 10 };

        Assert.Equal(1, await RunAsync(changed: 0, minute: 1));   // the first load: no statistics yet
        Assert.Equal(1, await RunAsync(changed: 15, minute: 2));  // 15 of 200: left to autovacuum
        Assert.Equal(2, await RunAsync(changed: 60, minute: 3));  // 60 of 200: analyzed by the run
        Directory.Delete(dir, recursive: true);

        // Runs the registry with the first `changed` residents' address supplement changed; returns the manual ANALYZE count of residents.
        async Task<long> RunAsync(int changed, int minute)
        {
            var export = new ResidentExport();
            for (var i = 1; i <= 200; i++)
            {
                var n = i;
                export.Person(i, i, "世帯主", i, name: $"住民　{i}", tweak: r => r["address_supplement"] = n <= changed ? $"{minute}号室" : "1号室");
            }

            if (File.Exists(file))
            {
                File.Delete(file);
            }

            export.WriteTo(file);
            File.SetLastWriteTimeUtc(file, new DateTime(2026, 1, 1, 0, minute, 0, DateTimeKind.Utc));
            var summary = await runner.RunAsync(new SyncSource("resident-registry", "resident-registry", () => new ResidentRegistryCsvAdapter(new ResidentRegistryCsvOptions { FilePath = file })), null, Ct);
            Assert.True(summary.Succeeded, summary.Error);
            Assert.Equal(changed == 0 ? 200 : changed, summary.Inserted + summary.Updated);
            await using var ctx = db.CreateContext();
            return await ctx.Database.SqlQueryRaw<long>("SELECT analyze_count AS \"Value\" FROM pg_stat_user_tables WHERE relname = 'residents'").SingleAsync(Ct);
        }
    }
}
