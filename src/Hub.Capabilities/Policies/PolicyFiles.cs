using Hub.Adapters.Catalog;
using Hub.Policy.Invariants;
using Hub.Policy.Model;
using Hub.Policy.Ordinances;
using PolicyCatalog = Hub.Policy.Catalog.FieldCatalog;

namespace Hub.Capabilities.Policies;

/// <summary>The default model, policy and ordinance table (<c>schemas/policy</c> unless configured otherwise).</summary>
public sealed class PolicyFiles(PolicyOptions options)
{
    private readonly Lazy<string> _directory = new(() => options.Directory ?? SchemaDirectory.Find("policy"));

    /// <summary>The folder the files are read from.</summary>
    public string Directory => _directory.Value;

    /// <summary>Path of <c>model.conf</c>.</summary>
    public string ModelPath => Path.Combine(Directory, "model.conf");

    /// <summary>Path of <c>policy.csv</c>.</summary>
    public string PolicyPath => Path.Combine(Directory, "policy.csv");

    /// <summary>The ordinance table publications are checked against, or null when the folder has none.</summary>
    public OrdinanceTable? LoadOrdinances()
    {
        var path = Path.Combine(Directory, "ordinances.csv");
        return File.Exists(path) ? OrdinanceTable.Parse(File.ReadAllText(path), path) : null;
    }

    /// <summary>
    /// The invariants (不変条件) every approval is checked against: <see cref="PolicyOptions.InvariantsPath"/>, else
    /// <c>invariants.csv</c> in the folder, else none. Throws <see cref="HubConfigurationException"/> naming the file and
    /// line when a row is malformed or names no catalog field, so a broken file stops the hub at startup.
    /// </summary>
    public InvariantSet LoadInvariants(PolicyCatalog catalog)
    {
        var path = options.InvariantsPath ?? Path.Combine(Directory, "invariants.csv");
        if (!File.Exists(path))
        {
            return InvariantSet.Empty;
        }

        try
        {
            return InvariantSet.Parse(File.ReadAllText(path), catalog, path);
        }
        catch (PolicyFormatException e)
        {
            throw new HubConfigurationException($"The invariants file does not parse: {e.Message}", e);
        }
    }
}
