using Hub.Api.Tests.Hosting;
using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Providers;
using Hub.Demo.City;
using Hub.Sync.Running;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Tests.Sync;

/// <summary>
/// Crash safety: the `hub sync run` process is killed (SIGKILL) at random points of a 100,000-resident import,
/// at least 20 times, and rerun until it finishes. The database must equal that of an uninterrupted run, row
/// for row, and every run record must balance.
/// </summary>
public abstract class CrashResumeSpecification(DatabaseProvider provider) : IAsyncLifetime
{
    private const int Kills = 20;
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-crash-").FullName;
    private TestDatabase? _reference;
    private TestDatabase? _crashed;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _reference = await TestDatabase.CreateAsync(provider);
        _crashed = await TestDatabase.CreateAsync(provider);
    }

    public async ValueTask DisposeAsync()
    {
        await _reference!.DisposeAsync();
        await _crashed!.DisposeAsync();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task SyncKilledAtTwentyRandomPoints_ResumesToTheSameDatabaseAsAnUninterruptedRun()
    {
        var city = DemoCityGenerator.Generate(new DemoCityOptions { Residents = 100_000, Seed = 7 }, Path.Combine(_dir, "city"), null, Ct);
        var export = Path.Combine(city.OutputDirectory, "resident-registry", "residents.csv");

        await using (var once = Sync(_reference!, export))
        {
            Assert.Equal(0, await once.WaitForExitAsync(TimeSpan.FromMinutes(5)));
        }

        var random = new Random(20261123);
        var killed = 0;
        var finished = false;
        while (!finished)
        {
            await using var hub = Sync(_crashed!, export);
            if (killed < Kills)
            {
                // A kill point inside the import: once this run has stored a batch (its first progress line),
                // plus a random part of the batches after it — mid-batch, mid-commit or between batches.
                await hub.WaitForErrorLineAsync(l => l.Contains(" rows read", StringComparison.Ordinal), TimeSpan.FromMinutes(2));
                await Task.Delay(random.Next(300), Ct);
            }

            if (killed < Kills && !hub.HasExited)
            {
                await hub.KillAsync();
                killed++;
                continue;
            }

            Assert.Equal(0, await hub.WaitForExitAsync(TimeSpan.FromMinutes(5)));
            finished = true;
        }

        Assert.True(killed >= Kills, $"only {killed} kills happened before the import finished");
        await using var reference = _reference!.CreateContext();
        await using var crashed = _crashed!.CreateContext();
        Assert.Equal(await Rows(reference.Residents), await Rows(crashed.Residents));
        Assert.Equal(await Rows(reference.Households), await Rows(crashed.Households));
        var runs = await crashed.SyncRuns.OrderBy(r => r.Id).ToListAsync(Ct);
        Assert.All(runs, r => Assert.True(r.IsBalanced, $"run {r.Id} ({r.Status}) does not balance"));
        Assert.Equal(city.ResidentRows, runs.Sum(r => r.Read));
        Assert.Equal(SyncRunStatus.Succeeded, runs[^1].Status);
        Assert.Equal(killed, runs.Count(r => r.Status == SyncRunStatus.Abandoned));
        Assert.Equal(0, await crashed.QuarantinedRecords.CountAsync(Ct));
    }

    private static async Task<List<string>> Rows<T>(DbSet<T> set)
        where T : TemporalRecord =>
        (await set.Select(r => new { r.SourceSystem, r.SourceKey, r.ContentHash, r.ValidFrom, r.ValidTo, Latest = r.SupersededAt == null, r.SourceTimestamp })
            .ToListAsync(Ct))
        .Select(r => $"{r.SourceSystem}|{r.SourceKey}|{r.ContentHash}|{r.ValidFrom:O}|{r.ValidTo:O}|{r.Latest}|{r.SourceTimestamp:O}")
        .Order(StringComparer.Ordinal)
        .ToList();

    private HubProcess Sync(TestDatabase db, string export) =>
        HubProcess.Start(_dir, "Production", "sync", "run", "--source", "resident-registry",
            $"--Hub:Sources:resident-registry:Options:FilePath={export}",
            "--Hub:Sources:resident-registry:Options:BatchSize=500",
            $"--Database:Provider={db.Provider}",
            $"--Database:ConnectionString={db.Factory.ConnectionString}");
}

public sealed class SqliteCrashResumeTests() : CrashResumeSpecification(DatabaseProvider.Sqlite);

public sealed class PostgreSqlCrashResumeTests() : CrashResumeSpecification(DatabaseProvider.PostgreSql);
