namespace Hub.Policy.Model;

/// <summary>
/// A parsed Casbin model (<c>model.conf</c>): request, policy and role definitions, effects and matchers.
/// Immutable once parsed. Read with <see cref="Parse"/> or <see cref="Load"/>.
/// </summary>
public sealed class PolicyModel
{
    internal PolicyModel(
        string source,
        IReadOnlyDictionary<string, IReadOnlyList<string>> requests,
        IReadOnlyDictionary<string, IReadOnlyList<string>> policies,
        IReadOnlyDictionary<string, RoleDefinition> roles,
        IReadOnlyDictionary<string, ModelEntry> effects,
        IReadOnlyDictionary<string, ModelEntry> matchers,
        IReadOnlyDictionary<string, ModelEntry> constraints,
        string text)
    {
        Source = source;
        RequestDefinitions = requests;
        PolicyDefinitions = policies;
        RoleDefinitions = roles;
        Effects = effects;
        Matchers = matchers;
        Constraints = constraints;
        Text = text;
    }

    /// <summary>File name or label the model was read from.</summary>
    public string Source { get; }

    /// <summary>The original text.</summary>
    public string Text { get; }

    /// <summary>Request definitions (<c>r</c>, <c>r2</c> …) with their token names (e.g. <c>sub</c>, <c>obj</c>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> RequestDefinitions { get; }

    /// <summary>Policy definitions (<c>p</c>, <c>p2</c> …) with their token names.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> PolicyDefinitions { get; }

    /// <summary>Role definitions (<c>g</c>, <c>g2</c> …).</summary>
    public IReadOnlyDictionary<string, RoleDefinition> RoleDefinitions { get; }

    /// <summary>Policy effects (<c>e</c>, <c>e2</c> …).</summary>
    public IReadOnlyDictionary<string, ModelEntry> Effects { get; }

    /// <summary>Matchers (<c>m</c>, <c>m2</c> …).</summary>
    public IReadOnlyDictionary<string, ModelEntry> Matchers { get; }

    /// <summary>Constraint definitions (<c>c</c> …); read and kept, not enforced.</summary>
    public IReadOnlyDictionary<string, ModelEntry> Constraints { get; }

    /// <summary>Parses model text. Throws <see cref="PolicyFormatException"/> with line and column on error.</summary>
    public static PolicyModel Parse(string text, string source = "model.conf") => ModelParser.Parse(text, source);

    /// <summary>Reads and parses a model file.</summary>
    public static PolicyModel Load(string path) => Parse(File.ReadAllText(path), path);
}
