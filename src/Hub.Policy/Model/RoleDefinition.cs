namespace Hub.Policy.Model;

/// <summary>A <c>[role_definition]</c> entry such as <c>g = _, _, _</c> (with a domain) or <c>g = _, _, (_, _)</c> (with link conditions).</summary>
/// <param name="Name">The role type, e.g. <c>g</c> or <c>g2</c>.</param>
/// <param name="Arity">Number of plain <c>_</c> places: 2 without a domain, 3 with one.</param>
/// <param name="ConditionArity">Number of places in the parenthesised condition part (0 when absent).</param>
public sealed record RoleDefinition(string Name, int Arity, int ConditionArity)
{
    /// <summary>True when links carry a domain (third place).</summary>
    public bool HasDomain => Arity >= 3;
}
