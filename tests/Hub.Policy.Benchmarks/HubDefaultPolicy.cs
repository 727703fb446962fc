using Hub.Policy.Catalog;
using Hub.Policy.Enforcement;
using Hub.Policy.Masks;

namespace Hub.Policy.Benchmarks;

/// <summary>The hub's default policy (schemas/policy) and catalog (schemas/records), found above the working directory.</summary>
public static class HubDefaultPolicy
{
    public static string Root { get; } = FindRoot();

    public static FieldMaskCache CreateCache()
    {
        var catalog = FieldCatalog.Load(Path.Combine(Root, "schemas", "records"));
        var cache = new FieldMaskCache(catalog.Paths);
        cache.Publish("bench", Enforcer.FromFiles(Path.Combine(Root, "schemas", "policy", "model.conf"), Path.Combine(Root, "schemas", "policy", "policy.csv")));
        return cache;
    }

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "MunicipalHub.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("run from inside the repository (MunicipalHub.sln not found)");
    }
}
