using Hub.Adapters.ResidentRegistry;
using Hub.Adapters.Sdk;
using Hub.Data.Providers;
using Hub.Sync.Resilience;
using Hub.Sync.Running;
using Hub.Sync.Tests.Support;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Sync.Tests.Resilience;

/// <summary>Retrying sources through the real runner: flaky sources load completely and balanced; hopeless ones give up saying why.</summary>
public sealed class ResilientSourceAdapterTests : IAsyncLifetime
{
    private const string Source = "flaky-registry";
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-resilience-").FullName;
    private readonly ImmediateTimeProvider _clock = new();
    private TestDatabase? _db;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task Run_TransientFailuresAtOpenAndMidStream_RetriesFromLastWatermarkAndBalancesWithoutDuplicates()
    {
        // Read 1 (opening) fails, read 3 (after the first stored batch) fails, read 6 fails: three retries in one run.
        var flaky = new FlakyAdapter(Registry(batchSize: 2), () => new IOException("share briefly unavailable"), 1, 3, 6);

        var summary = await Run(flaky, new SourceResilienceOptions { MaxRetryAttempts = 2, UseJitter = false });

        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal((7, 7, 0, 0, 0), (summary.Read, summary.Inserted, summary.Updated, summary.Unchanged, summary.Quarantined));
        Assert.Equal(4, flaky.Openings.Count);
        Assert.True(flaky.Openings[0].IsStart && flaky.Openings[1].IsStart);
        Assert.False(flaky.Openings[2].IsStart);
        Assert.NotEqual(flaky.Openings[2], flaky.Openings[3]);
        await using var ctx = _db!.CreateContext();
        Assert.Equal(7, await ctx.Residents.CountAsync(Ct));
        Assert.Equal(7, await ctx.Residents.Select(r => r.AtenaNumber).Distinct().CountAsync(Ct));
        Assert.Equal(0, await ctx.QuarantinedRecords.CountAsync(Ct));
        Assert.Equal(SyncRunStatus.Succeeded, (await ctx.SyncRuns.SingleAsync(Ct)).Status);
    }

    [Fact]
    public async Task Run_ConsecutiveFailures_WaitsWithExponentialBackoff()
    {
        var flaky = new FlakyAdapter(Registry(batchSize: 10), () => new TimeoutException("no answer"), 1, 2, 3);

        var summary = await Run(flaky, new SourceResilienceOptions { MaxRetryAttempts = 3, BaseDelay = TimeSpan.FromSeconds(1), UseJitter = false });

        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4)], _clock.Waits);
    }

    [Fact]
    public async Task Run_SourceAlwaysFails_GivesUpAfterEveryAttemptAndRecordsWhy()
    {
        var flaky = new FlakyAdapter(Registry(batchSize: 2), () => new TimeoutException("core system did not answer"), [.. Enumerable.Range(1, 100)]);

        var summary = await Run(flaky, new SourceResilienceOptions { MaxRetryAttempts = 2 });

        Assert.False(summary.Succeeded);
        Assert.Equal(3, flaky.Openings.Count);
        await using var ctx = _db!.CreateContext();
        var run = await ctx.SyncRuns.SingleAsync(Ct);
        Assert.Equal(SyncRunStatus.Failed, run.Status);
        Assert.Equal(
            $"{nameof(SourceUnavailableException)}: source {Source} gave up after 3 attempt(s) to read after watermark '': TimeoutException: core system did not answer",
            run.Error);
        Assert.Equal(0, run.Read);
    }

    [Fact]
    public async Task Run_GivesUpMidStream_KeepsStoredBatchesAndNextRunResumesAfterThem()
    {
        var first = new FlakyAdapter(Registry(batchSize: 2), () => new IOException("gone"), [.. Enumerable.Range(2, 100)]);
        var failed = await Run(first, new SourceResilienceOptions { MaxRetryAttempts = 1 });
        Assert.False(failed.Succeeded);
        Assert.Equal(2, failed.Read);

        var second = new FlakyAdapter(Registry(batchSize: 2), () => new IOException("never"));
        var resumed = await Run(second, new SourceResilienceOptions());

        Assert.True(resumed.Succeeded, resumed.Error);
        Assert.Equal((5, 5), (resumed.Read, resumed.Inserted));
        Assert.False(Assert.Single(second.Openings).IsStart);
        await using var ctx = _db!.CreateContext();
        Assert.Equal(7, await ctx.Residents.CountAsync(Ct));
    }

    [Fact]
    public async Task Run_NonTransientFailure_IsNotRetried()
    {
        var flaky = new FlakyAdapter(Registry(batchSize: 2), () => new FileNotFoundException("residents.csv not found"), 1);

        var summary = await Run(flaky, new SourceResilienceOptions());

        Assert.False(summary.Succeeded);
        Assert.Single(flaky.Openings);
        Assert.Empty(_clock.Waits);
        Assert.Equal("FileNotFoundException: residents.csv not found", summary.Error);
    }

    [Fact]
    public void Wrap_AlreadyResilient_IsNotWrappedTwice()
    {
        var resilience = new SourceResilience(new SourceResilienceOptions(), _clock);
        var once = resilience.Wrap(Registry(batchSize: 2), Source);

        Assert.Same(once, resilience.Wrap(once, Source));
    }

    private ResidentRegistryCsvAdapter Registry(int batchSize)
    {
        var file = Path.Combine(_dir, "residents.csv");
        if (!File.Exists(file))
        {
            var export = new ResidentExport().Person(1, 1, "世帯主", 1).Person(2, 1, "妻", 1, name: "山田　花子");
            for (var i = 3; i <= 7; i++)
            {
                export.Person(i, i, "世帯主", i);
            }

            export.WriteTo(file);
        }

        return new ResidentRegistryCsvAdapter(new ResidentRegistryCsvOptions { FilePath = file, BatchSize = batchSize });
    }

    private Task<SyncRunSummary> Run(ISourceAdapter adapter, SourceResilienceOptions options)
    {
        var resilience = new SourceResilience(options, _clock);
        var source = resilience.Apply(new SyncSource(Source, "resident-registry", () => adapter));
        return new SyncRunner(_db!.Factory, TimeProvider.System, NullLogger<SyncRunner>.Instance).RunAsync(source, null, Ct);
    }
}
