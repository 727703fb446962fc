using Microsoft.Extensions.DependencyInjection;
using Hub.Data;
using Hub.Data.Providers;
using Hub.Testing.Databases;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Hub.Api.Tests.Support;

/// <summary>
/// One seeded database and one hub host per test class and provider. Started on first use inside a test, so an
/// engine missing on this machine skips the tests (saying why) instead of failing the class.
/// </summary>
public abstract class HubApiFixture : IAsyncDisposable
{
    private readonly Lazy<Task<Started>> _started;

    protected HubApiFixture() => _started = new(StartAsync);

    /// <summary>The engine under test.</summary>
    protected abstract DatabaseProvider Provider { get; }

    internal Task<Started> GetAsync() => _started.Value;

    public async ValueTask DisposeAsync()
    {
        if (_started.IsValueCreated && _started.Value.IsCompletedSuccessfully)
        {
            var started = _started.Value.Result;
            await HubHost.DisposeQuietlyAsync(started.Factory);
            await started.Database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    private async Task<Started> StartAsync()
    {
        var database = await TestDatabase.CreateAsync(Provider);
        await using (var db = database.CreateContext())
        {
            await CitySeed.WriteAsync(db);
        }

        var counter = new CountingDbContextFactory(database.Factory);
        var factory = HubHost.Create("Development", database.Options, services: services =>
            services.Replace(ServiceDescriptor.Singleton<IDbContextFactory<HubDbContext>>(counter)));
        return new Started(database, factory, counter);
    }

    internal sealed record Started(TestDatabase Database, WebApplicationFactory<Program> Factory, CountingDbContextFactory Contexts);
}

/// <summary>The hub on SQLite.</summary>
public sealed class SqliteHubApiFixture : HubApiFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>The hub on a throwaway PostgreSQL server.</summary>
public sealed class PostgreSqlHubApiFixture : HubApiFixture
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
