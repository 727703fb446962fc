using Hub.Policy.Catalog;
using Hub.Policy.Enforcement;

namespace Hub.Policy.Tests.Support;

/// <summary>The hub's default model and policy in schemas/policy and the field catalog in schemas/records.</summary>
internal static class HubPolicyFiles
{
    public static string Model => Path.Combine(RepositoryPaths.Root, "schemas", "policy", "model.conf");

    public static string Policy => Path.Combine(RepositoryPaths.Root, "schemas", "policy", "policy.csv");

    public static FieldCatalog Catalog => FieldCatalog.Load(Path.Combine(RepositoryPaths.Root, "schemas", "records"));

    public static Enforcer CreateEnforcer() => Enforcer.FromFiles(Model, Policy);
}
