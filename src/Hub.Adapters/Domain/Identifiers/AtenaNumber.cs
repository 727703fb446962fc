using System.Diagnostics.CodeAnalysis;

namespace Hub.Adapters.Domain.Identifiers;

/// <summary>
/// 宛名番号: the city's internal person number, the key its core systems share. Up to 15 ASCII digits.
/// Newly issued numbers end in a modulus-11 check digit (weights 2–7); older numbers may not, so
/// checking is the caller's choice (a per-source setting).
/// </summary>
public readonly record struct AtenaNumber : IComparable<AtenaNumber>
{
    /// <summary>The longest atena number the hub accepts.</summary>
    public const int MaxLength = 15;

    private readonly string? _value;

    private AtenaNumber(string value) => _value = value;

    /// <summary>The digits, check digit included where the source issues one.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Builds a number from a serial body, appending its check digit; the body is left-padded to <paramref name="bodyLength"/>.</summary>
    public static AtenaNumber FromSerial(long serial, int bodyLength = 9)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        var body = serial.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(bodyLength, '0');
        if (body.Length + 1 > MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(serial), "Serial too long for an atena number.");
        }

        return new AtenaNumber(body + Modulus11.Compute(body));
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming the problem.</summary>
    public static AtenaNumber Parse(string text, bool verifyCheckDigit = true) =>
        TryParse(text, verifyCheckDigit, out var n, out var error) ? n : throw new FormatException(error.Describe("宛名番号"));

    /// <summary>Parses <paramref name="text"/> without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, bool verifyCheckDigit, out AtenaNumber number, out IdentifierError error)
    {
        number = default;
        error = CheckDigitNumber.Validate(text, 2, MaxLength, verifyCheckDigit);
        if (error != IdentifierError.None)
        {
            return false;
        }

        number = new AtenaNumber(text!.Trim());
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(AtenaNumber other) => CheckDigitNumber.Compare(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
