using Hub.Capabilities;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Hub.Api.Hosting;

/// <summary>
/// `dotnet run --project src/Hub.Api` keeps the caller's working folder (so <c>data/</c> lands there), but
/// <c>appsettings*.json</c> sit beside the executable: read them from there when the working folder has none.
/// Environment variables and command-line arguments still override them.
/// </summary>
internal static class HubSettings
{
    public static void UseSettingsBesideExecutable(IConfigurationManager configuration, string contentRoot)
    {
        var sources = (IList<IConfigurationSource>)configuration.Sources;
        for (var i = 0; i < sources.Count; i++)
        {
            if (sources[i] is JsonConfigurationSource json && json.Path is { } path && path.StartsWith("appsettings", StringComparison.Ordinal)
                && !File.Exists(Path.Combine(contentRoot, path)) && File.Exists(Path.Combine(AppContext.BaseDirectory, path)))
            {
                sources[i] = new JsonConfigurationSource
                {
                    Path = path,
                    Optional = true,
                    ReloadOnChange = false,
                    FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
                };
            }
        }
    }
}
