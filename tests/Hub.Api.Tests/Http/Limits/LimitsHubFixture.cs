using GraphQL;
using Hub.Api.GraphQL;
using Hub.Api.Tests.Support;
using Hub.Data.Providers;
using Hub.Testing.Databases;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Api.Tests.Http.Limits;

/// <summary>
/// The hub in Development with its default limits over a seeded SQLite database (<see cref="CitySeed"/>), so that a
/// document that ran would return personal data and leave an access record; and a second host on the same database
/// whose document size limit lets 100,000 tokens through to the token limit. Both count the executer's calls, so a test
/// can tell a refusal before validation from one during it. Limits refuse before any database access, so one engine is
/// enough here.
/// </summary>
public sealed class LimitsHubFixture : IAsyncDisposable
{
    /// <summary>The second host's document size limit (1 MiB) and body size limit (2 MiB).</summary>
    public const int LargeDocumentBytes = 1_048_576;

    private readonly Lazy<Task<Started>> _started;
    private int _executerCalls;

    public LimitsHubFixture() => _started = new(StartAsync);

    /// <summary>How many requests reached the executer (validation and execution), on either host.</summary>
    public int ExecuterCalls => Volatile.Read(ref _executerCalls);

    /// <summary>A client of the host with every limit at its default.</summary>
    internal async Task<GraphQLClient> DefaultsAsync() => new((await _started.Value).Defaults.CreateClient());

    /// <summary>A client of the host whose document size limit is <see cref="LargeDocumentBytes"/>.</summary>
    internal async Task<GraphQLClient> LargeDocumentsAsync() => new((await _started.Value).LargeDocuments.CreateClient());

    /// <summary>How many access records the database holds.</summary>
    internal async Task<int> AccessRecordCountAsync()
    {
        await using var db = (await _started.Value).Database.CreateContext();
        return await db.AccessRecords.CountAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (_started.IsValueCreated && _started.Value.IsCompletedSuccessfully)
        {
            var started = _started.Value.Result;
            await HubHost.DisposeQuietlyAsync(started.Defaults);
            await HubHost.DisposeQuietlyAsync(started.LargeDocuments);
            await started.Database.DisposeAsync();
        }
    }

    private async Task<Started> StartAsync()
    {
        var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using (var db = database.CreateContext())
        {
            await CitySeed.WriteAsync(db);
        }

        var defaults = HubHost.Create("Development", database.Options, services: CountExecutions);
        var large = HubHost.Create("Development", database.Options, new Dictionary<string, string?>
        {
            ["Hub:GraphQL:MaxDocumentBytes"] = LargeDocumentBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Hub:GraphQL:MaxRequestBytes"] = (2 * LargeDocumentBytes).ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, CountExecutions);
        return new Started(database, defaults, large);
    }

    private void CountExecutions(IServiceCollection services) =>
        services.AddSingleton<IDocumentExecuter<HubSchema>>(sp =>
            new CountingExecuter(() => Interlocked.Increment(ref _executerCalls), sp.GetRequiredService<IDocumentExecuter>(), sp.GetRequiredService<HubSchema>()));

    private sealed record Started(TestDatabase Database, WebApplicationFactory<Program> Defaults, WebApplicationFactory<Program> LargeDocuments);

    /// <summary>The real executer, counting its calls.</summary>
    private sealed class CountingExecuter(Action called, IDocumentExecuter inner, HubSchema schema) : IDocumentExecuter<HubSchema>
    {
        public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options)
        {
            called();
            options.Schema = schema;
            return inner.ExecuteAsync(options);
        }
    }
}
