using Hub.Adapters.Catalog;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

// Registration lives in the DI namespace so that `services.AddHubCatalog(...)` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the field catalog: the record kinds of <c>schemas/records</c>, or of the folder setting <c>Hub:Catalog:Directory</c> names.</summary>
public static class HubCatalogServiceCollectionExtensions
{
    /// <summary>The setting naming the folder of record schemas (default: <c>schemas/records</c> beside the executable or above the working folder).</summary>
    public const string DirectorySetting = "Hub:Catalog:Directory";

    /// <summary>
    /// Registers <see cref="FieldCatalog"/> (unless one is registered already), read when first needed. A record schema that
    /// contradicts itself fails with <see cref="FieldCatalogException"/> naming file and JSON path; a missing folder fails
    /// naming the setting.
    /// </summary>
    public static IServiceCollection AddHubCatalog(this IServiceCollection services, IConfiguration configuration)
    {
        var directory = configuration[DirectorySetting];
        services.TryAddSingleton(_ =>
        {
            if (string.IsNullOrEmpty(directory))
            {
                return FieldCatalog.LoadDefault();
            }

            return Directory.Exists(directory)
                ? FieldCatalog.Load(directory)
                : throw new FieldCatalogException($"Setting {DirectorySetting} names the folder '{directory}', which does not exist.");
        });
        return services;
    }
}
