using Hub.Api.Tests.Support;
using Hub.Data.Providers;
using Hub.Testing.Databases;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hub.Api.Tests.Portal;

/// <summary>The real hub on a database holding <see cref="PortalSeed"/>, per test class and provider; started on first use.</summary>
public abstract class PortalFixture : IAsyncDisposable
{
    private readonly Lazy<Task<(TestDatabase Database, WebApplicationFactory<Program> Factory)>> _started;

    protected PortalFixture() => _started = new(StartAsync);

    protected abstract DatabaseProvider Provider { get; }

    internal async Task<TestDatabase> DatabaseAsync() => (await _started.Value).Database;

    internal async Task<GraphQLClient> ClientAsync() => new((await _started.Value).Factory.CreateClient());

    public async ValueTask DisposeAsync()
    {
        if (_started.IsValueCreated && _started.Value.IsCompletedSuccessfully)
        {
            var (database, factory) = _started.Value.Result;
            await HubHost.DisposeQuietlyAsync(factory);
            await database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task<(TestDatabase, WebApplicationFactory<Program>)> StartAsync()
    {
        var database = await TestDatabase.CreateAsync(Provider);
        await using (var db = database.CreateContext())
        {
            await PortalSeed.WriteAsync(db);
        }

        return (database, HubHost.Create("Development", database.Options));
    }
}

/// <summary>The portal hub on SQLite.</summary>
public sealed class SqlitePortalFixture : PortalFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The portal hub on PostgreSQL.</summary>
public sealed class PostgreSqlPortalFixture : PortalFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
