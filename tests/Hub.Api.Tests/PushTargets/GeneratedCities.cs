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
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-push-cities-").FullName;

    /// <summary>One database per city, in <see cref="Shapes"/> order.</summary>
    public IReadOnlyList<TestDatabase> Databases => _databases;

    /// <summary>The seeds, for theories.</summary>
    public static TheoryData<int> CityIndexes => [0, 1, 2];

    public async ValueTask InitializeAsync()
    {
        foreach (var (residents, seed) in Shapes)
        {
            var city = Path.Combine(_dir, $"city-{seed}");
            DemoCityGenerator.Generate(new DemoCityOptions { Residents = residents, Seed = seed }, city);
            var db = await TestDatabase.CreateAsync(provider);
            _databases.Add(db);
            var runner = new SyncRunner(db.Factory, TimeProvider.System, NullLogger<SyncRunner>.Instance);
            var sources = DemoSources.For(city, new Dictionary<string, string?> { ["Hub:Sources:child-allowance:Options:ConnectionString"] = $"Data Source={Path.Combine(city, "child-allowance", "entitlements.db")};Mode=ReadOnly;Pooling=False" });
            foreach (var source in sources.All)
            {
                var run = await runner.RunAsync(source);
                Assert.True(run.Succeeded, $"{source.Name}: {run.Error}");
            }

            await WriteKindsAsync(db);
            if (provider == DatabaseProvider.PostgreSql)
            {
                // As autovacuum would after a bulk load: without statistics PostgreSQL plans every set as one row.
                await using var context = db.CreateContext();
                await context.Database.ExecuteSqlRawAsync("ANALYZE");
            }
        }
    }

    /// <summary>
    /// Records of the kinds declared as data, written through the sync writer as a source would: a 要介護認定 for every fifth
    /// living resident (levels and periods varied, some ended before the city's day) and a 後期高齢者医療 資格 for every
    /// seventh (some lost, some starting after the day).
    /// </summary>
    private static async Task WriteKindsAsync(TestDatabase db)
    {
        List<string> atenas;
        await using (var context = db.CreateContext())
        {
            atenas = await context.Residents.Where(r => r.SupersededAt == null && r.ValidTo == null).Select(r => r.AtenaNumber).OrderBy(a => a).ToListAsync();
        }

        string[] levels = ["要支援1", "要支援2", "要介護1", "要介護2", "要介護3", "要介護4", "要介護5"];
        var catalog = Hub.Adapters.Catalog.FieldCatalog.LoadDefault();
        var care = new List<Hub.Adapters.Sdk.CanonicalRecord>();
        var elderly = new List<Hub.Adapters.Sdk.CanonicalRecord>();
        for (var i = 0; i < atenas.Count; i++)
        {
            if (i % 5 == 0)
            {
                var from = CityAsOf.AddDays(-(i % 500));
                care.Add(Support.GenericSeed.Record(catalog, "longTermCare", new()
                {
                    ["atenaNumber"] = atenas[i], ["insuredNumber"] = $"{i:D10}", ["careLevel"] = levels[i % levels.Length], ["validFrom"] = from,
                    ["validUntil"] = i % 3 == 0 ? from.AddDays(20) : from.AddDays(365 + (i % 90)),
                }));
            }

            if (i % 7 == 0)
            {
                var acquired = CityAsOf.AddDays(20 - (i % 900));
                elderly.Add(Support.GenericSeed.Record(catalog, "lateElderly", new()
                {
                    ["atenaNumber"] = atenas[i], ["insuredNumber"] = $"{i % 100_000_000:D8}", ["acquiredOn"] = acquired,
                    ["lostOn"] = i % 2 == 0 ? acquired.AddDays(100) : null,
                }));
            }
        }

        await Support.GenericSeed.WriteAsync(db.Factory, catalog, "long-term-care", care);
        await Support.GenericSeed.WriteAsync(db.Factory, catalog, "late-elderly", elderly);
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
