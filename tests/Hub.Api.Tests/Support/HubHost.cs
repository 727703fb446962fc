using Microsoft.Extensions.DependencyInjection;
using Hub.Data.Providers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hub.Api.Tests.Support;

/// <summary>Builds the real hub host for tests: a given environment and database, demo seeding off.</summary>
internal static class HubHost
{
    public static WebApplicationFactory<Program> Create(
        string environment,
        HubDatabaseOptions database,
        IReadOnlyDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null) =>
        new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseEnvironment(environment);
            builder.UseSetting("Database:Provider", database.Provider);
            builder.UseSetting("Database:ConnectionString", database.ConnectionString);
            builder.UseSetting("Hub:Demo:SeedWhenEmpty", "false");
            // Tests that want the scheduler say so; a cron fire must not land in the middle of another test.
            builder.UseSetting("Hub:Sync:Scheduling:Enabled", "false");
            // The small test cities number their residents as a city's older numbers may be (200001: no check digit).
            builder.UseSetting("Hub:Identifiers:VerifyCheckDigits", "false");
            // Tests that want the intake outbox run say so (or run a round themselves); legs go to a folder of the host's own.
            builder.UseSetting("Hub:Intake:Delivery:Enabled", "false");
            builder.UseSetting("Hub:Intake:Delivery:FileDrop:Directory", Path.Combine(Path.GetTempPath(), "hub-intake-" + Guid.NewGuid().ToString("N")[..12]));

            // Every host its own checkpoint witness (two databases must never share one: it would see a fork), one key for all.
            builder.UseSetting("Hub:Audit:Checkpoints:WitnessDirectory", Path.Combine(Path.GetTempPath(), "hub-witness-" + Guid.NewGuid().ToString("N")[..12]));
            builder.UseSetting("Hub:Audit:Checkpoints:SigningKeyFile", TestCheckpointKey.File);
            foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            {
                builder.UseSetting(key, value);
            }

            if (services is not null)
            {
                builder.ConfigureServices(services);
            }
        });

    /// <summary>A throwaway SQLite database path for hosts that never query.</summary>
    public static HubDatabaseOptions ScratchSqlite() => new()
    {
        Provider = "Sqlite",
        ConnectionString = $"Data Source={Path.Combine(Path.GetTempPath(), "hub-api-" + Guid.NewGuid().ToString("N")[..12], "hub.db")}",
    };

    /// <summary>
    /// Stops a class fixture's throwaway host. A failure to stop it (a slow shutdown on a loaded machine) is not a
    /// result of any test: it is reported as a diagnostic message instead of failing the run's teardown.
    /// </summary>
    public static async Task DisposeQuietlyAsync(WebApplicationFactory<Program> factory)
    {
        try
        {
            await factory.DisposeAsync();
        }
        catch (Exception e) when (e is OperationCanceledException or AggregateException or InvalidOperationException or ObjectDisposedException)
        {
            TestContext.Current.SendDiagnosticMessage($"Host teardown: {e.GetType().Name}: {e.GetBaseException().Message}");
        }
    }
}
