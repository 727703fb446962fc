using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Hub.Data.Providers;

/// <summary>
/// Creates <see cref="HubDbContext"/> instances for the configured provider, from a pool: a disposed context goes back
/// to the pool with its state reset, so a request that opens several contexts does not pay for building each one's
/// internal services again. Thread-safe.
/// </summary>
public sealed class HubDbContextFactory : IDbContextFactory<HubDbContext>
{
    private readonly Func<HubDbContext> _create;

    /// <summary>Builds a factory for <paramref name="options"/>; throws <see cref="HubDatabaseConfigurationException"/> on bad settings.</summary>
    public HubDbContextFactory(HubDatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Provider = options.ParsedProvider;
        ConnectionString = options.EffectiveConnectionString;
        _create = Provider switch
        {
            DatabaseProvider.Sqlite => Build<SqliteHubDbContext>(b => b.UseSqlite(PrepareSqlite(ConnectionString)).AddInterceptors(new SqliteBusyTimeoutInterceptor(SqliteBusyMilliseconds(ConnectionString)))),
            DatabaseProvider.PostgreSql => Build<PostgreSqlHubDbContext>(b => b.UseNpgsql(PreparePostgreSql(ConnectionString))),
            DatabaseProvider.SqlServer => Build<SqlServerHubDbContext>(b => b.UseSqlServer(ConnectionString)),
            _ => throw new HubDatabaseConfigurationException($"Unsupported provider {Provider}."),
        };
    }

    /// <summary>The engine in use.</summary>
    public DatabaseProvider Provider { get; }

    /// <summary>The connection string in use (may carry credentials: never log it).</summary>
    public string ConnectionString { get; }

    /// <inheritdoc />
    public HubDbContext CreateDbContext() => _create();

    private static Func<HubDbContext> Build<T>(Action<DbContextOptionsBuilder<T>> configure)
        where T : HubDbContext
    {
        var builder = new DbContextOptionsBuilder<T>();
        configure(builder);
        var pool = new PooledDbContextFactory<T>(builder.Options);
        return pool.CreateDbContext;
    }

    // Statements run again and again (the API's lookups by 宛名番号 and 世帯番号, the access record append) are prepared on
    // each pooled connection once used a few times, so PostgreSQL parses and plans them once per connection rather than
    // on every request. A connection string that sets Max Auto Prepare keeps its own value.
    private static string PreparePostgreSql(string connectionString)
    {
        var csb = new NpgsqlConnectionStringBuilder(connectionString);
        if (csb.MaxAutoPrepare == 0)
        {
            csb.MaxAutoPrepare = 64;
        }

        return csb.ConnectionString;
    }

    // The busy timeout is the command timeout (Default Timeout, 30 s unless the connection string sets it; 0 = none).
    private static int SqliteBusyMilliseconds(string connectionString)
    {
        var seconds = new SqliteConnectionStringBuilder(connectionString).DefaultTimeout;
        return seconds <= 0 ? int.MaxValue : (int)Math.Min(int.MaxValue, seconds * 1000L);
    }

    // The embedded default lives in a folder that may not exist yet (data/ on a fresh clone).
    private static string PrepareSqlite(string connectionString)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        if (!string.IsNullOrEmpty(csb.DataSource) && csb.DataSource != ":memory:" && csb.Mode != SqliteOpenMode.Memory)
        {
            var dir = Path.GetDirectoryName(Path.GetFullPath(csb.DataSource));
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
        }

        return csb.ToString();
    }
}
