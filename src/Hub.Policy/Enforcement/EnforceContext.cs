namespace Hub.Policy.Enforcement;

/// <summary>
/// Which request, policy, effect and matcher definitions a decision uses (Casbin's <c>EnforceContext</c>).
/// The default is <c>r</c>, <c>p</c>, <c>e</c>, <c>m</c>.
/// </summary>
public sealed record EnforceContext(string RequestType = "r", string PolicyType = "p", string EffectType = "e", string MatcherType = "m")
{
    /// <summary><c>r</c>, <c>p</c>, <c>e</c>, <c>m</c>.</summary>
    public static EnforceContext Default { get; } = new();

    /// <summary>The context of numbered definitions, e.g. <c>ForSuffix("2")</c> is <c>r2</c>, <c>p2</c>, <c>e2</c>, <c>m2</c>.</summary>
    public static EnforceContext ForSuffix(string suffix) => new("r" + suffix, "p" + suffix, "e" + suffix, "m" + suffix);
}
