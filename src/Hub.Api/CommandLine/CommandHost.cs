using Hub.Api.Extensions;
using Hub.Api.Hosting;
using Hub.Capabilities;
using Hub.Data;
using Hub.Data.Providers;
using Serilog;
using Serilog.Formatting.Compact;

namespace Hub.Api.CommandLine;

/// <summary>The services a command needs (database, sync), configured exactly as the server is, without the web host.</summary>
internal static class CommandHost
{
    public static IHost Build(string[] settings, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = settings, ContentRootPath = Directory.GetCurrentDirectory() });
        HubSettings.UseSettingsBesideExecutable(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSerilog((_, config) => config
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Warning()
            .WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose));
        builder.Services.AddHubDatabase(builder.Configuration);
        builder.Services.AddHubSources(builder.Configuration);
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>
    /// Runs <paramref name="body"/> with a migrated database; configuration mistakes print one message and exit 2.
    /// Tokens the command did not recognise (<c>--Section:Key=value</c>) override configuration as they do for the server.
    /// </summary>
    public static async Task<int> RunAsync(System.CommandLine.ParseResult parse, Func<IServiceProvider, Task<int>> body, CancellationToken ct)
    {
        try
        {
            var unknown = parse.UnmatchedTokens.Where(t => !t.StartsWith("--", StringComparison.Ordinal) || !t.Contains(':', StringComparison.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                await Console.Error.WriteLineAsync($"hub: unrecognised argument(s): {string.Join(' ', unknown)}");
                return 2;
            }

            using var host = Build([.. parse.UnmatchedTokens]);
            await HubDatabaseInitializer.MigrateAsync(host.Services.GetRequiredService<HubDbContextFactory>(), host.Services.GetRequiredService<Hub.Adapters.Catalog.FieldCatalog>(), ct);
            return await body(host.Services);
        }
        catch (Exception e) when (e is HubDatabaseConfigurationException or HubConfigurationException or Hub.Sync.HubSyncConfigurationException or Hub.Adapters.Catalog.FieldCatalogException)
        {
            await Console.Error.WriteLineAsync($"hub: {e.Message}");
            return 2;
        }
    }
}
