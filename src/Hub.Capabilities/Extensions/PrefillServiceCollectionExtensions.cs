using Hub.Adapters.Catalog;
using Hub.Capabilities.Prefill;

// Registration lives in the DI namespace so that `services.AddHubForms()` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Pre-fill (書かない): the forms of <c>schemas/forms</c> (<see cref="FormCatalog"/>), checked against the field catalog.</summary>
public static class PrefillServiceCollectionExtensions
{
    public static IServiceCollection AddHubForms(this IServiceCollection services) =>
        services.AddSingleton(sp => FormDefinitionReader.Load(SchemaDirectory.Find("forms"), sp.GetRequiredService<FieldCatalog>()));
}
