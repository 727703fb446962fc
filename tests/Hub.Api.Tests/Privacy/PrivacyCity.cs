using Hub.Capabilities.Audit;
using Hub.Api.Tests.PushTargets;
using Hub.Api.Tests.Support;
using Hub.Data.Providers;
using Hub.Demo.City;
using Hub.Policy.Masks;
using Hub.Sync.Running;
using Hub.Sync.Sources;
using Hub.Testing.Databases;
using Hub.Testing.Demo;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Api.Tests.Privacy;

/// <summary>
/// A generated city synced from the demo core systems into a fresh database of one provider, served by the real hub
/// under the default policy, with every access record captured in memory so a test can read the record of each
/// response. The non-interference tests change single fields of its rows in place and put them back.
/// </summary>
public abstract class PrivacyCity(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-privacy-city-").FullName;
    private TestDatabase? _database;
    private WebApplicationFactory<Program>? _host;

    /// <summary>The city's database.</summary>
    public TestDatabase Database => _database ?? throw new InvalidOperationException("The city is not started.");

    /// <summary>An HTTP client of the hub serving the city.</summary>
    public HttpClient Client { get; private set; } = null!;

    /// <summary>Every access record the hub appended, in order.</summary>
    internal CapturingAccessRecordWriter Records { get; } = new();

    /// <summary>The hub's field masks (the default policy, published at startup).</summary>
    internal FieldMaskCache Masks => _host!.Services.GetRequiredService<FieldMaskCache>();

    public async ValueTask InitializeAsync()
    {
        DemoCityGenerator.Generate(new DemoCityOptions { Residents = 700, Seed = 41 }, _dir);
        _database = await TestDatabase.CreateAsync(provider);
        var runner = new SyncRunner(_database.Factory, TimeProvider.System, NullLogger<SyncRunner>.Instance);
        var sources = DemoSources.For(_dir, new Dictionary<string, string?> { ["Hub:Sources:child-allowance:Options:ConnectionString"] = $"Data Source={Path.Combine(_dir, "child-allowance", "entitlements.db")};Mode=ReadOnly;Pooling=False" });
        foreach (var source in sources.All)
        {
            var run = await runner.RunAsync(source);
            Assert.True(run.Succeeded, $"{source.Name}: {run.Error}");
        }

        if (provider == DatabaseProvider.PostgreSql)
        {
            // As autovacuum would after a bulk load: without statistics PostgreSQL plans every set as one row.
            await using var context = _database.CreateContext();
            await context.Database.ExecuteSqlRawAsync("ANALYZE");
        }

        // The limits are not under test here: whole documents of every output kind must run, however loaded the machine.
        _host = HubHost.Create(
            "Development",
            _database.Options,
            new Dictionary<string, string?>
            {
                ["Hub:GraphQL:MaxComplexity"] = "1000000",
                ["Hub:GraphQL:MaxPageSize"] = "1000",
                ["Hub:GraphQL:MaxDepth"] = "20",
                ["Hub:GraphQL:ExecutionTimeout"] = "00:05:00",
            },
            services => services.Replace(ServiceDescriptor.Singleton<IAccessRecordWriter>(Records)));
        Client = _host.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await HubHost.DisposeQuietlyAsync(_host);
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }

        GC.SuppressFinalize(this);
    }
}

/// <summary>The city on SQLite.</summary>
public sealed class SqlitePrivacyCity() : PrivacyCity(DatabaseProvider.Sqlite);

/// <summary>The city on a throwaway PostgreSQL server.</summary>
public sealed class PostgreSqlPrivacyCity() : PrivacyCity(DatabaseProvider.PostgreSql);
