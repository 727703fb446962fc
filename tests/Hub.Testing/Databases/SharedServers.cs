using Hub.Data.Providers;
using Hub.Testing.PostgreSql;
using Testcontainers.MsSql;
using Xunit;

namespace Hub.Testing.Databases;

/// <summary>
/// One PostgreSQL server and one SQL Server container per test process, started on first use and
/// stopped when the process exits. Each test gets a database of its own on them.
/// </summary>
internal static class SharedServers
{
    private static readonly Lazy<Task<PostgreSqlServer>> Postgres = new(StartPostgresAsync);
    private static readonly Lazy<Task<MsSqlContainer>> SqlServer = new(StartSqlServerAsync);

    /// <summary>True under CI, where an unavailable PostgreSQL is a failure rather than a skip.</summary>
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static async Task<TestDatabase> CreatePostgreSqlAsync()
    {
        PostgreSqlServer server;
        try
        {
            server = await Postgres.Value.ConfigureAwait(false);
        }
        catch (PostgreSqlUnavailableException e) when (!InCi)
        {
            Assert.Skip($"PostgreSQL unavailable on this machine: {e.Message}");
            throw;
        }

        var cs = await server.CreateDatabaseAsync().ConfigureAwait(false);
        var options = new HubDatabaseOptions { Provider = "PostgreSql", ConnectionString = cs };
        return new TestDatabase(new HubDbContextFactory(options), () => ValueTask.CompletedTask);
    }

    public static async Task<TestDatabase> CreateSqlServerAsync()
    {
        MsSqlContainer container;
        try
        {
            container = await SqlServer.Value.ConfigureAwait(false);
        }
        catch (Exception e) when (!e.GetType().Name.Contains("Skip", StringComparison.Ordinal))
        {
            Assert.Skip($"SQL Server tests need Docker (Testcontainers.MsSql); none is usable here: {e.GetBaseException().Message}");
            throw;
        }

        var name = "hub_" + Guid.NewGuid().ToString("N")[..16];
        var result = await container.ExecScriptAsync($"CREATE DATABASE [{name}]").ConfigureAwait(false);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"CREATE DATABASE failed: {result.Stderr}");
        }

        var cs = new Microsoft.Data.SqlClient.SqlConnectionStringBuilder(container.GetConnectionString()) { InitialCatalog = name }.ConnectionString;
        var options = new HubDatabaseOptions { Provider = "SqlServer", ConnectionString = cs };
        return new TestDatabase(new HubDbContextFactory(options), () => ValueTask.CompletedTask);
    }

    private static async Task<PostgreSqlServer> StartPostgresAsync()
    {
        var server = await PostgreSqlServer.StartAsync().ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return server;
    }

    private static async Task<MsSqlContainer> StartSqlServerAsync()
    {
        if (!File.Exists("/var/run/docker.sock") && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")))
        {
            throw new InvalidOperationException("no Docker engine socket at /var/run/docker.sock and DOCKER_HOST is not set");
        }

        var container = new MsSqlBuilder("mcr.microsoft.com/mssql/server:2022-latest").Build();
        await container.StartAsync().ConfigureAwait(false);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return container;
    }
}
