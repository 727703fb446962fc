using Hub.Data;
using Hub.Data.Providers;

namespace Hub.Testing.Databases;

/// <summary>A fresh, migrated common database on one provider, owned by one test class or test.</summary>
public sealed class TestDatabase(HubDbContextFactory factory, Func<ValueTask> cleanup) : IAsyncDisposable
{
    /// <summary>Factory for contexts on this database.</summary>
    public HubDbContextFactory Factory { get; } = factory;

    /// <summary>The provider.</summary>
    public DatabaseProvider Provider => Factory.Provider;

    /// <summary>Options that point at this database (for hosts under test).</summary>
    public HubDatabaseOptions Options => new() { Provider = Provider.ToString(), ConnectionString = Factory.ConnectionString };

    /// <summary>Creates a context.</summary>
    public HubDbContext CreateContext() => Factory.CreateDbContext();

    /// <summary>Creates and migrates a database for <paramref name="provider"/>; skips the test (saying why) when the engine is unavailable here.</summary>
    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var db = provider switch
        {
            DatabaseProvider.Sqlite => CreateSqlite(),
            DatabaseProvider.PostgreSql => await SharedServers.CreatePostgreSqlAsync().ConfigureAwait(false),
            DatabaseProvider.SqlServer => await SharedServers.CreateSqlServerAsync().ConfigureAwait(false),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        await HubDatabaseInitializer.MigrateAsync(db.Factory).ConfigureAwait(false);
        return db;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => cleanup();

    private static TestDatabase CreateSqlite()
    {
        var dir = Path.Combine(Path.GetTempPath(), "hub-sqlite-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        var options = new HubDatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={Path.Combine(dir, "hub.db")}" };
        return new TestDatabase(new HubDbContextFactory(options), () =>
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException)
            {
            }

            return ValueTask.CompletedTask;
        });
    }
}
