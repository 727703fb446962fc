using Hub.Adapters.Domain.Identifiers;

namespace Hub.Capabilities.Requests;

/// <summary>
/// Checks a caller's 宛名番号, 世帯番号 or 個人番号 before anything is looked up, so a typing error is answered "invalid"
/// (naming the rule) instead of "not found". Every transport calls it; none quotes the value back.
/// </summary>
public static class IdentifierCheck
{
    /// <summary>
    /// The rule <paramref name="value"/> breaks as a 宛名番号 or 世帯番号: half-width digits only, 2 to 15 of them (the last
    /// being the check digit), and, when <paramref name="verifyCheckDigit"/>, a last digit that is the modulus-11 check
    /// digit of the others (住民記録システム標準仕様書; a city with older numbers turns that check off).
    /// </summary>
    public static IdentifierRule CityNumber(string? value, bool verifyCheckDigit) =>
        Shape(value, AtenaNumber.MaxLength) switch
        {
            IdentifierRule.None when value!.Length < 2 => IdentifierRule.Length,
            IdentifierRule.None when verifyCheckDigit && !Modulus11.IsValid(value) => IdentifierRule.CheckDigit,
            var rule => rule,
        };

    /// <summary>The rule <paramref name="value"/> breaks as a 個人番号: 12 half-width digits, the last its check digit (番号法施行令 第8条).</summary>
    public static IdentifierRule MyNumber(string? value) =>
        Shape(value, 12) switch
        {
            IdentifierRule.None when value!.Length != 12 => IdentifierRule.Length,
            IdentifierRule.None when !Hub.Adapters.Domain.Identifiers.MyNumber.TryParse(value, out _, out _) => IdentifierRule.CheckDigit,
            var rule => rule,
        };

    /// <summary>What a caller is told about <paramref name="rule"/> for a number called <paramref name="what"/> (never the value).</summary>
    public static string Describe(IdentifierRule rule, string what, string lengths) => rule switch
    {
        IdentifierRule.Width => $"must be written in half-width digits (半角数字): a {what} holds no full-width characters",
        IdentifierRule.Digits => $"must be a {what} of digits only",
        IdentifierRule.Length => $"must be a {what} of {lengths} digits",
        IdentifierRule.CheckDigit => $"is not a valid {what}: its last digit is not the check digit of the others (mistyped?)",
        _ => "is valid",
    };

    /// <summary>The name of <paramref name="rule"/> in an error's <c>extensions.rule</c>.</summary>
    public static string Name(IdentifierRule rule) => rule switch
    {
        IdentifierRule.Width => "width",
        IdentifierRule.Digits => "digits",
        IdentifierRule.Length => "length",
        IdentifierRule.CheckDigit => "checkDigit",
        _ => "none",
    };

    // Width first (a full-width number is the commonest slip at a counter), then digits, then too long.
    private static IdentifierRule Shape(string? value, int maxLength)
    {
        if (string.IsNullOrEmpty(value))
        {
            return IdentifierRule.Length;
        }

        var wide = false;
        var other = false;
        foreach (var c in value)
        {
            if (c is >= '\uFF01' and <= '\uFF5E' or '\u3000')
            {
                wide = true;
            }
            else if (!char.IsAsciiDigit(c))
            {
                other = true;
            }
        }

        return wide ? IdentifierRule.Width
            : other ? IdentifierRule.Digits
            : value.Length > maxLength ? IdentifierRule.Length
            : IdentifierRule.None;
    }
}
