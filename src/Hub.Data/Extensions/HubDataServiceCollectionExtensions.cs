using Hub.Data;
using Hub.Data.Providers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

// Registration lives in the DI namespace so that `services.AddHubDatabase(...)` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the common database.</summary>
public static class HubDataServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="HubDbContextFactory"/> (also as <see cref="IDbContextFactory{HubDbContext}"/>)
    /// for the provider in configuration section <c>Database</c>. Bad settings fail here, with one message
    /// listing every problem and naming each setting.
    /// </summary>
    public static IServiceCollection AddHubDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new HubDatabaseOptions();
        configuration.GetSection(HubDatabaseOptions.SectionName).Bind(options);
        return services.AddHubDatabase(options);
    }

    /// <summary>Registers the common database for explicit <paramref name="options"/>.</summary>
    public static IServiceCollection AddHubDatabase(this IServiceCollection services, HubDatabaseOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate();
        if (problems.Count > 0)
        {
            throw new HubDatabaseConfigurationException(string.Join(Environment.NewLine, problems));
        }

        var factory = new HubDbContextFactory(options);
        services.AddSingleton(options);
        services.AddSingleton(factory);
        services.AddSingleton<IDbContextFactory<HubDbContext>>(factory);
        return services;
    }
}
