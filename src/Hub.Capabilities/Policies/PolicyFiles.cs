using Hub.Adapters.Catalog;
using Hub.Policy.Ordinances;

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
}
