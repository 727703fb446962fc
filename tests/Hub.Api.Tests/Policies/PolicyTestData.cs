using Hub.Adapters.Catalog;
using Hub.Capabilities.Policies;
using Hub.Data.Providers;
using Hub.Policy.Administration;
using Hub.Policy.Ordinances;
using Hub.Testing.Databases;
using PolicyCatalog = Hub.Policy.Catalog.FieldCatalog;

namespace Hub.Api.Tests.Policies;

/// <summary>The hub's model and catalog, small policies over them, and stores and services on a test database.</summary>
internal static class PolicyTestData
{
    public const string User = "u";
    public const string TaskCode = "t";

    /// <summary>Lets <see cref="User"/> read names in <see cref="TaskCode"/>.</summary>
    public const string NamesOnly = "p, role:a, t, resident.name, read, allow, 住民基本台帳法 第7条\ng, u, role:a, t\n";

    /// <summary>Lets <see cref="User"/> read names and addresses in <see cref="TaskCode"/>.</summary>
    public const string NamesAndAddresses = NamesOnly + "p, role:a, t, resident.address, read, allow, 住民基本台帳法 第7条\n";

    /// <summary>A policy line with a missing column: fails to check.</summary>
    public const string Broken = "p, role:a, t, resident.name, read\ng, u, role:a, t\n";

    public static string PolicyDirectory { get; } = SchemaDirectory.Find("policy");

    public static string Model { get; } = File.ReadAllText(Path.Combine(PolicyDirectory, "model.conf"));

    public static string DefaultPolicy { get; } = File.ReadAllText(Path.Combine(PolicyDirectory, "policy.csv"));

    public static OrdinanceTable Ordinances { get; } = OrdinanceTable.Parse(File.ReadAllText(Path.Combine(PolicyDirectory, "ordinances.csv")));

    public static PolicyCatalog Catalog { get; } = new(FieldCatalog.LoadDefault().Fields.Select(f => (f.Path, (string?)f.Classification)));

    /// <summary>A store on <paramref name="database"/> through a factory of its own, as a second hub node would have.</summary>
    public static DatabasePolicyVersionStore Store(TestDatabase database) =>
        new(new HubDbContextFactory(database.Options), TimeProvider.System);

    public static PolicyAdministration Administration(IPolicyVersionStore store) =>
        new(store, Catalog, TimeProvider.System, Ordinances);
}
