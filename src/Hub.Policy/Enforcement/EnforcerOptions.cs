namespace Hub.Policy.Enforcement;

/// <summary>Options of an <see cref="Enforcer"/>. Validated when the enforcer is created; every problem is reported in one message.</summary>
public sealed class EnforcerOptions
{
    /// <summary>
    /// Pattern matching of role names per role type, by function name (e.g. <c>{"g": "keyMatch2"}</c>). Default: none
    /// (names match only when equal).
    /// </summary>
    public IDictionary<string, string> MatchingFunctions { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>
    /// Pattern matching of domains per role type (e.g. <c>{"g": "keyMatch"}</c>). Default: none, except that, as Go Casbin
    /// does, <c>keyMatch</c> is used for every role type with domains when the matcher contains <c>keyMatch(r.dom, p.dom)</c>.
    /// </summary>
    public IDictionary<string, string> DomainMatchingFunctions { get; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>Parse request values that are JSON object text into attribute objects (Casbin's <c>EnableAcceptJsonRequest</c>). Default: false.</summary>
    public bool AcceptJsonRequest { get; set; }

    /// <summary>Maximum depth of role hierarchies. Default: 10, as Casbin.</summary>
    public int MaxHierarchyDepth { get; set; } = 10;

    /// <summary>
    /// Conditions on individual role links of role types declared with condition places (e.g. temporal roles with
    /// <see cref="Roles.LinkConditions.TimeMatch"/>). Default: none (every link holds).
    /// </summary>
    public IList<Roles.LinkCondition> LinkConditions { get; } = [];

    /// <summary>Functions matchers may call. Default: Casbin's built-ins.</summary>
    public Functions.FunctionRegistry Functions { get; set; } = new();
}
