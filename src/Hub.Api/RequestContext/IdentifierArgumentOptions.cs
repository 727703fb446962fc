namespace Hub.Api.RequestContext;

/// <summary>
/// Configuration section <c>Hub:Identifiers</c>: how a caller's 宛名番号 and 世帯番号 arguments are checked before
/// anything is looked up.
/// </summary>
public sealed class IdentifierArgumentOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Hub:Identifiers";

    /// <summary>
    /// Refuse a 宛名番号 or 世帯番号 whose last digit is not its modulus-11 check digit (住民記録システム標準仕様書 1.1.13).
    /// Default <c>true</c>. The standard imposes the check digit on newly issued numbers only: a city whose older numbers
    /// carry none sets <c>false</c>, as it does for its sources (<c>Options:VerifyCheckDigits</c>). 個人番号 is always checked.
    /// </summary>
    public bool VerifyCheckDigits { get; set; } = true;
}
