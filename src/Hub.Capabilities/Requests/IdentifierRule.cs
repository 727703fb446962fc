namespace Hub.Capabilities.Requests;

/// <summary>
/// The rule a caller's identifier (宛名番号, 世帯番号, 個人番号) broke. Its name travels in an error's
/// <c>extensions.rule</c>: <c>width</c>, <c>digits</c>, <c>length</c>, <c>checkDigit</c>.
/// </summary>
public enum IdentifierRule
{
    /// <summary>Nothing broken.</summary>
    None,

    /// <summary>Full-width (全角) characters: identifiers are written in half-width digits (半角数字).</summary>
    Width,

    /// <summary>Something other than a digit (a letter, a hyphen, a space inside).</summary>
    Digits,

    /// <summary>Too few or too many digits for this kind of number.</summary>
    Length,

    /// <summary>The last digit is not the check digit of the others (modulus 11).</summary>
    CheckDigit,
}
