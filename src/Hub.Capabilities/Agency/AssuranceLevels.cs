namespace Hub.Capabilities.Agency;

/// <summary>The <c>acr</c> values of <see cref="AssuranceLevel"/>.</summary>
public static class AssuranceLevels
{
    /// <summary>The claim carrying the level (OpenID Connect's Authentication Context Class Reference).</summary>
    public const string Claim = "acr";

    /// <summary><c>jpki</c>.</summary>
    public const string Jpki = "jpki";

    /// <summary><c>password</c>.</summary>
    public const string Password = "password";

    /// <summary>The level an <c>acr</c> value names; <see cref="AssuranceLevel.None"/> for none or an unknown one.</summary>
    public static AssuranceLevel Parse(string? acr) => acr switch
    {
        Jpki => AssuranceLevel.Jpki,
        Password => AssuranceLevel.Password,
        _ => AssuranceLevel.None,
    };

    /// <summary>The <c>acr</c> value of <paramref name="level"/>; null for <see cref="AssuranceLevel.None"/>.</summary>
    public static string? Name(AssuranceLevel level) => level switch
    {
        AssuranceLevel.Jpki => Jpki,
        AssuranceLevel.Password => Password,
        _ => null,
    };
}
