using Hub.Capabilities;
using Hub.Api.Extensions;
using Hub.Api.Security;
using Hub.Data.Providers;

namespace Hub.Api.Hosting;

/// <summary>Builds and runs the web host: the steps only; the detail lives in <c>Extensions/</c>.</summary>
internal static class HubServer
{
    public static async Task<int> RunAsync(string[] args)
    {
        try
        {
            var builder = WebApplication.CreateBuilder(args);
            HubSettings.UseSettingsBesideExecutable(builder.Configuration, builder.Environment.ContentRootPath);
            DefaultUrls.Apply(builder);
            builder.AddHubLogging();
            builder.Services.AddHubDatabase(builder.Configuration);
            builder.AddHubDemoStartup();
            builder.AddHubApi();

            var app = builder.Build();
            app.MapHubEndpoints();
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (IsConfigurationMistake(e))
        {
            // One clear message naming the setting; no stack trace for a configuration mistake.
            await Console.Error.WriteLineAsync($"hub: {e.Message}");
            return 2;
        }
    }

    /// <summary>A setting is wrong or a configured resource unreachable: each layer's own exception, whose message names the setting.</summary>
    internal static bool IsConfigurationMistake(Exception e) =>
        e is HubDatabaseConfigurationException
            or HubAuthConfigurationException
            or HubConfigurationException
            or Hub.Adapters.Catalog.FieldCatalogException
            or Hub.Adapters.Sdk.AdapterOptionsException
            or Hub.Sync.HubSyncConfigurationException;
}
