using Hub.Data.Providers;
using Hub.Demo.City;
using Hub.Sync.Running;
using Hub.Sync.Sources;
using Hub.Testing.Databases;
using Hub.Testing.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Api.Tests.PushTargets;

/// <summary>
/// Small generated cities (several seeds) synced from the demo core systems into fresh databases on one
/// provider; shared by the push-target and life-event specifications of that provider.
/// </summary>
public abstract class GeneratedCities(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>(residents, seed) of each city.</summary>
    public static readonly (int Residents, int Seed)[] Shapes = [(2_000, 31), (3_000, 32), (4_000, 33)];

    /// <summary>The demo city's export day.</summary>
    public static readonly DateOnly CityAsOf = new DemoCityOptions().AsOf;

    private readonly List<TestDatabase> _databases = [];
    private readonly List<string> _directories = [];
    private readonly List<IReadOnlyList<SyncRunSummary>> _runs = [];
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-push-cities-").FullName;

    /// <summary>One database per city, in <see cref="Shapes"/> order.</summary>
    public IReadOnlyList<TestDatabase> Databases => _databases;

    /// <summary>Each city's folder of core-system exports, in <see cref="Shapes"/> order (the generator's own output, for oracles).</summary>
    public IReadOnlyList<string> Directories => _directories;

    /// <summary>Every source's first run of each city, in <see cref="Shapes"/> order.</summary>
    public IReadOnlyList<IReadOnlyList<SyncRunSummary>> Runs => _runs;

    /// <summary>The seeds, for theories.</summary>
    public static TheoryData<int> CityIndexes => [0, 1, 2];

    public async ValueTask InitializeAsync()
    {
        foreach (var (residents, seed) in Shapes)
        {
            var city = Path.Combine(_dir, $"city-{seed}");
            DemoCityGenerator.Generate(new DemoCityOptions { Residents = residents, Seed = seed }, city);
            _directories.Add(city);
            var db = await TestDatabase.CreateAsync(provider);
            _databases.Add(db);
            var runner = new SyncRunner(db.Factory, TimeProvider.System, NullLogger<SyncRunner>.Instance);
            var sources = DemoSources.For(city, new Dictionary<string, string?> { ["Hub:Sources:child-allowance:Options:ConnectionString"] = $"Data Source={Path.Combine(city, "child-allowance", "entitlements.db")};Mode=ReadOnly;Pooling=False" });
            var runs = new List<SyncRunSummary>();
            foreach (var source in sources.All)
            {
                var run = await runner.RunAsync(source);
                Assert.True(run.Succeeded, $"{source.Name}: {run.Error}");
                runs.Add(run);
            }

            _runs.Add(runs);

            if (provider == DatabaseProvider.PostgreSql)
            {
                // As autovacuum would after a bulk load: without statistics PostgreSQL plans every set as one row.
                await using var context = db.CreateContext();
                await context.Database.ExecuteSqlRawAsync("ANALYZE");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var db in _databases)
        {
            await db.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>Cities on SQLite.</summary>
public sealed class SqliteCities() : GeneratedCities(DatabaseProvider.Sqlite);

/// <summary>Cities on PostgreSQL (a throwaway server the tests start).</summary>
public sealed class PostgreSqlCities() : GeneratedCities(DatabaseProvider.PostgreSql);

[CollectionDefinition(nameof(SqliteCities))]
public sealed class SqliteCitiesCollection : ICollectionFixture<SqliteCities>;

[CollectionDefinition(nameof(PostgreSqlCities))]
public sealed class PostgreSqlCitiesCollection : ICollectionFixture<PostgreSqlCities>;
