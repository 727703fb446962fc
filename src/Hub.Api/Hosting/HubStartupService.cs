using Hub.Capabilities;
using Hub.Data;
using Hub.Data.Providers;
using Hub.Demo.City;
using Hub.Sync.Running;
using Hub.Sync.Sources;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Hosting;

/// <summary>
/// Runs before the server listens: brings the database to the current schema and, when it is empty and the
/// demo is enabled, generates the demo city and syncs it — so <c>/healthz</c> answers only once there is data.
/// </summary>
internal sealed partial class HubStartupService(
    HubDbContextFactory factory,
    DemoOptions demo,
    ConfiguredSources sources,
    SyncRunner runner,
    Hub.Adapters.Catalog.FieldCatalog catalog,
    ILogger<HubStartupService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // The kinds declared as data (schemas/records) get their indexes after the migrations.
        var applied = await HubDatabaseInitializer.MigrateAsync(factory, catalog, cancellationToken);
        LogMigrated(factory.Provider, applied);
        if (!demo.SeedWhenEmpty)
        {
            return;
        }

        await using (var db = factory.CreateDbContext())
        {
            if (await db.Residents.AnyAsync(cancellationToken))
            {
                LogReused();
                return;
            }
        }

        if (!File.Exists(Path.Combine(demo.Directory, DemoCityGenerator.ManifestFile)))
        {
            var result = DemoCityGenerator.Generate(new DemoCityOptions { Residents = demo.Residents, Seed = demo.Seed }, demo.Directory, null, cancellationToken);
            LogGenerated(result.ResidentRows, result.Households, result.OutputDirectory);
        }

        foreach (var source in sources.All)
        {
            // A source that fails (a plug-in that throws, an export that is missing) is recorded and reported; the hub
            // serves what the others brought, and the next scheduled run tries again.
            var summary = await runner.RunAsync(source, null, cancellationToken);
            if (!summary.Succeeded)
            {
                LogFirstSyncFailed(source.Name, summary.RunId, summary.Error);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ({Provider}) ready; {Applied} migration(s) applied")]
    private partial void LogMigrated(DatabaseProvider provider, int applied);

    [LoggerMessage(Level = LogLevel.Error, Message = "The first sync of {Source} (run {RunId}) failed: {Error}; the hub serves without it")]
    private partial void LogFirstSyncFailed(string source, long runId, string? error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database already holds residents; reusing it")]
    private partial void LogReused();

    [LoggerMessage(Level = LogLevel.Information, Message = "Generated the demo city: {Rows} resident rows in {Households} households under {Directory}")]
    private partial void LogGenerated(int rows, int households, string directory);
}
