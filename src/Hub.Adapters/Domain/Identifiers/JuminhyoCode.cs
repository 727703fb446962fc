using System.Diagnostics.CodeAnalysis;

namespace Hub.Adapters.Domain.Identifiers;

/// <summary>
/// 住民票コード: eleven digits, ten random digits and a check digit (住民基本台帳法施行規則 第1条,
/// modulus 11 with weights 2–7).
/// </summary>
public readonly record struct JuminhyoCode
{
    /// <summary>Number of digits.</summary>
    public const int Length = 11;

    private readonly string? _value;

    private JuminhyoCode(string value) => _value = value;

    /// <summary>The eleven digits.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Builds a code from ten digits, appending the check digit.</summary>
    public static JuminhyoCode FromBody(string tenDigits)
    {
        if (tenDigits is null || tenDigits.Length != Length - 1 || !Modulus11.IsAsciiDigits(tenDigits))
        {
            throw new ArgumentException("A 住民票コード body is ten ASCII digits.", nameof(tenDigits));
        }

        return new JuminhyoCode(tenDigits + Modulus11.Compute(tenDigits));
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming the problem.</summary>
    public static JuminhyoCode Parse(string text) =>
        TryParse(text, out var c, out var error) ? c : throw new FormatException(error.Describe("住民票コード"));

    /// <summary>Parses <paramref name="text"/> without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out JuminhyoCode code, out IdentifierError error)
    {
        code = default;
        error = CheckDigitNumber.Validate(text, Length, Length, verifyCheckDigit: true);
        if (error != IdentifierError.None)
        {
            return false;
        }

        code = new JuminhyoCode(text!.Trim());
        return true;
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
