using Hub.Api.Hosting;
using Hub.Data;
using Hub.Data.Providers;
using Serilog;
using Serilog.Formatting.Compact;

namespace Hub.Api.CommandLine;

/// <summary>The services a command needs (database, sync), configured exactly as the server is, without the web host.</summary>
internal static class CommandHost
{
    public static IHost Build(Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = [], ContentRootPath = Directory.GetCurrentDirectory() });
        HubSettings.UseSettingsBesideExecutable(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddSerilog((_, config) => config
            .ReadFrom.Configuration(builder.Configuration)
            .MinimumLevel.Warning()
            .WriteTo.Console(new CompactJsonFormatter(), standardErrorFromLevel: Serilog.Events.LogEventLevel.Verbose));
        builder.Services.AddHubDatabase(builder.Configuration);
        builder.Services.AddHubSync(builder.Configuration);
        configure?.Invoke(builder);
        return builder.Build();
    }

    /// <summary>Runs <paramref name="body"/> with a migrated database; configuration mistakes print one message and exit 2.</summary>
    public static async Task<int> RunAsync(Func<IServiceProvider, Task<int>> body, CancellationToken ct)
    {
        try
        {
            using var host = Build();
            await HubDatabaseInitializer.MigrateAsync(host.Services.GetRequiredService<HubDbContextFactory>(), ct);
            return await body(host.Services);
        }
        catch (HubDatabaseConfigurationException e)
        {
            await Console.Error.WriteLineAsync($"hub: {e.Message}");
            return 2;
        }
    }
}
