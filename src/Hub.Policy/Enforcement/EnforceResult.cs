namespace Hub.Policy.Enforcement;

/// <summary>A decision and the rule that made it (Casbin's <c>EnforceEx</c>).</summary>
/// <param name="Allowed">Whether the request is allowed.</param>
/// <param name="Explain">
/// The values of the deciding policy rule (without its type), e.g. <c>["alice","data1","read"]</c>; empty when no single
/// rule decided (deny by default, or deny-override with no deny).
/// </param>
public sealed record EnforceResult(bool Allowed, IReadOnlyList<string> Explain);
