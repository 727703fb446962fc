using Hub.Api.Tests.Support;
using Hub.Data.Providers;
using Hub.Testing.Databases;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Api.Tests.GraphQL;

/// <summary>
/// A seeded database (the small city plus <see cref="RelatedSeed"/>) and a hub host on it, per test class and provider.
/// Started on first use, so an engine missing on this machine skips instead of failing the class.
/// </summary>
public abstract class HubGraphQLFixture : IAsyncDisposable
{
    private readonly Lazy<Task<(TestDatabase Database, WebApplicationFactory<Program> Factory)>> _started;

    protected HubGraphQLFixture() => _started = new(StartAsync);

    protected abstract DatabaseProvider Provider { get; }

    internal async Task<TestDatabase> DatabaseAsync() => (await _started.Value).Database;

    internal async Task<GraphQLClient> ClientAsync() => new((await _started.Value).Factory.CreateClient());

    /// <summary>The host's services (e.g. to count its loaders' fetches).</summary>
    internal async Task<IServiceProvider> ServicesAsync() => (await _started.Value).Factory.Services;

    /// <summary>Another host on the same database with its services changed (e.g. a failing access record writer).</summary>
    internal async Task<WebApplicationFactory<Program>> HostAsync(Action<IServiceCollection> services)
    {
        var database = await DatabaseAsync();
        return HubHost.Create("Development", database.Options, services: services);
    }

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
            await CitySeed.WriteAsync(db);
            await RelatedSeed.WriteAsync(db);
        }

        await RelatedSeed.WriteKindsAsync(database.Factory);

        return (database, HubHost.Create("Development", database.Options));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteHubGraphQLFixture : HubGraphQLFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>On a throwaway PostgreSQL server.</summary>
public sealed class PostgreSqlHubGraphQLFixture : HubGraphQLFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
