using Hub.Adapters.ResidentRegistry;
using Hub.Data.Providers;
using Hub.Sync.Running;
using Hub.Sync.Tests.Support;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Sync.Tests.Specification;

/// <summary>One run of a source at a time, whoever starts it: a second run finds the lock taken and stores nothing.</summary>
public abstract class SourceRunLockSpecification(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-lock-").FullName;
    private TestDatabase? _db;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        await _db!.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Run_WhileAnotherRunHoldsTheSource_IsSkippedAndStoresNothing_ThenRunsOnceReleased()
    {
        var file = new ResidentExport().Person(1, 1, "世帯主", 1).WriteTo(Path.Combine(_dir, "residents.csv"));
        var source = new SyncSource("resident-registry", "resident-registry", () => new ResidentRegistryCsvAdapter(new ResidentRegistryCsvOptions { FilePath = file }));
        var runner = new SyncRunner(_db!.Factory, TimeProvider.System, NullLogger<SyncRunner>.Instance);

        var held = await SourceRunLock.TryAcquireAsync(_db.Factory, "resident-registry", Ct);
        Assert.NotNull(held);
        Assert.Null(await SourceRunLock.TryAcquireAsync(_db.Factory, "resident-registry", Ct));
        await using (var other = await SourceRunLock.TryAcquireAsync(_db.Factory, "nhi", Ct))
        {
            Assert.NotNull(other); // other sources are not held up
        }

        var skipped = await runner.RunAsync(source, null, Ct);
        await held!.DisposeAsync();
        var ran = await runner.RunAsync(source, null, Ct);

        Assert.Equal(SyncRunStatus.Skipped, skipped.Status);
        Assert.Contains("in progress", skipped.Error, StringComparison.Ordinal);
        Assert.True(ran.Succeeded, ran.Error);
        await using var ctx = _db.CreateContext();
        Assert.Equal(1, await ctx.SyncRuns.CountAsync(Ct));
        Assert.Equal(1, await ctx.Residents.CountAsync(Ct));
    }
}

public sealed class SqliteSourceRunLockTests() : SourceRunLockSpecification(DatabaseProvider.Sqlite);

public sealed class PostgreSqlSourceRunLockTests() : SourceRunLockSpecification(DatabaseProvider.PostgreSql);

public sealed class SqlServerSourceRunLockTests() : SourceRunLockSpecification(DatabaseProvider.SqlServer);
