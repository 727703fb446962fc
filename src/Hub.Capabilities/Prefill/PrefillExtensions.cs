using Hub.Adapters.Catalog;

namespace Hub.Capabilities.Prefill;

/// <summary>Registers the forms of <c>schemas/forms</c> (<see cref="FormCatalog"/>).</summary>
public static class PrefillExtensions
{
    public static IServiceCollection AddHubForms(this IServiceCollection services) =>
        services.AddSingleton(sp => FormDefinitionReader.Load(SchemaDirectory.Find("forms"), sp.GetRequiredService<FieldCatalog>()));
}
