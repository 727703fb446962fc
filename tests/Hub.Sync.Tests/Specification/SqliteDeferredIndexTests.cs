using Hub.Adapters.ResidentRegistry;
using Hub.Data.Providers;
using Hub.Sync.Running;
using Hub.Sync.Tests.Support;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Sync.Tests.Specification;

/// <summary>
/// A first load on SQLite puts off the tables' non-unique secondary indexes and builds them at the end of the run;
/// a run stopped in between leaves a usable database, and the next run brings back exactly the migrated index set.
/// </summary>
public sealed class SqliteDeferredIndexTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-sqlite-indexes-").FullName;
    private TestDatabase? _migrated;
    private TestDatabase? _db;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _migrated = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
    }

    public async ValueTask DisposeAsync()
    {
        await _migrated!.DisposeAsync();
        await _db!.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task FirstLoad_Completed_LeavesTheMigratedIndexes()
    {
        var summary = await Runner().RunAsync(Source(Export(300)), null, Ct);

        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal(await IndexesAsync(_migrated!), await IndexesAsync(_db!));
    }

    [Fact]
    public async Task FirstLoad_StoppedBetweenDropAndRebuild_IsUsable_AndTheRerunRestoresTheMigratedIndexes()
    {
        var file = Export(300);
        using (var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct))
        {
            // Stopped once the first batch is stored: its indexes are dropped and not yet rebuilt.
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner().RunAsync(Source(file), new StopAfterFirstBatch(stop), stop.Token));
        }

        var interrupted = await IndexesAsync(_db!);
        Assert.DoesNotContain(interrupted, i => i.StartsWith("ix_residents_kana_latest|", StringComparison.Ordinal));
        Assert.Contains(interrupted, i => i.StartsWith("ux_residents_latest|", StringComparison.Ordinal));
        await using (var ctx = _db!.CreateContext())
        {
            Assert.True(await ctx.Residents.CountAsync(r => r.HouseholdNumber != null, Ct) > 0);
        }

        var rerun = await Runner().RunAsync(Source(file), null, Ct);

        Assert.True(rerun.Succeeded, rerun.Error);
        Assert.Equal(await IndexesAsync(_migrated!), await IndexesAsync(_db!));
    }

    private static async Task<List<string>> IndexesAsync(TestDatabase db)
    {
        await using var ctx = db.CreateContext();
        return await ctx.Database.SqlQueryRaw<string>(
                "SELECT name || '|' || tbl_name || '|' || coalesce(sql, '') AS \"Value\" FROM sqlite_master WHERE type = 'index' ORDER BY name")
            .ToListAsync(Ct);
    }

    private SyncRunner Runner() => new(_db!.Factory, TimeProvider.System, NullLogger<SyncRunner>.Instance);

    private static SyncSource Source(string file) =>
        new("resident-registry", "resident-registry", () => new ResidentRegistryCsvAdapter(new ResidentRegistryCsvOptions { FilePath = file, BatchSize = 50 }));

    private string Export(int people)
    {
        var export = new ResidentExport();
        for (var i = 1; i <= people; i++)
        {
            export.Person(i, ((i - 1) / 3) + 1, (i - 1) % 3 == 0 ? "世帯主" : "子", (((i - 1) / 3) * 3) + 1);
        }

        return export.WriteTo(Path.Combine(_dir, "residents.csv"));
    }

    private sealed class StopAfterFirstBatch(CancellationTokenSource stop) : IProgress<long>
    {
        public void Report(long value) => stop.Cancel();
    }
}
