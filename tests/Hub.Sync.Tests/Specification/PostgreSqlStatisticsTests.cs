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
}
