using Hub.Adapters.Catalog;
using Hub.Capabilities.Policies;
using Hub.Capabilities.Prefill;

// Registration lives in the DI namespace so that `services.AddHubForms()` needs no extra using.
namespace Microsoft.Extensions.DependencyInjection;

/// <summary>
/// Pre-fill (書かない): the forms of <c>schemas/forms</c> (<see cref="FormCatalog"/>), checked against the field catalog and
/// against the tasks of the default policy (<see cref="PolicyFiles"/> when the policy is registered, else <c>schemas/policy</c>).
/// </summary>
public static class PrefillServiceCollectionExtensions
{
    public static IServiceCollection AddHubForms(this IServiceCollection services) =>
        services.AddSingleton(sp => FormDefinitionReader.Load(
            SchemaDirectory.Find("forms"),
            sp.GetRequiredService<FieldCatalog>(),
            PolicyTasks.Read(sp.GetService<PolicyFiles>()?.PolicyPath ?? Path.Combine(SchemaDirectory.Find("policy"), "policy.csv"))));
}
