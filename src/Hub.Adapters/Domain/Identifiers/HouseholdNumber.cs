using System.Diagnostics.CodeAnalysis;

namespace Hub.Adapters.Domain.Identifiers;

/// <summary>
/// 世帯番号: the household's number. Same form and check digit as <see cref="AtenaNumber"/>. In a
/// designated city a move between wards gives a new household number while the atena number stays.
/// </summary>
public readonly record struct HouseholdNumber : IComparable<HouseholdNumber>
{
    /// <summary>The longest household number the hub accepts.</summary>
    public const int MaxLength = 15;

    private readonly string? _value;

    private HouseholdNumber(string value) => _value = value;

    /// <summary>The digits, check digit included where the source issues one.</summary>
    public string Value => _value ?? string.Empty;

    /// <summary>Builds a number from a serial body, appending its check digit.</summary>
    public static HouseholdNumber FromSerial(long serial, int bodyLength = 9)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(serial);
        var body = serial.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(bodyLength, '0');
        if (body.Length + 1 > MaxLength)
        {
            throw new ArgumentOutOfRangeException(nameof(serial), "Serial too long for a household number.");
        }

        return new HouseholdNumber(body + Modulus11.Compute(body));
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming the problem.</summary>
    public static HouseholdNumber Parse(string text, bool verifyCheckDigit = true) =>
        TryParse(text, verifyCheckDigit, out var n, out var error) ? n : throw new FormatException(error.Describe("世帯番号"));

    /// <summary>Parses <paramref name="text"/> without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, bool verifyCheckDigit, out HouseholdNumber number, out IdentifierError error)
    {
        number = default;
        error = CheckDigitNumber.Validate(text, 2, MaxLength, verifyCheckDigit);
        if (error != IdentifierError.None)
        {
            return false;
        }

        number = new HouseholdNumber(text!.Trim());
        return true;
    }

    /// <inheritdoc />
    public int CompareTo(HouseholdNumber other) => CheckDigitNumber.Compare(Value, other.Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
