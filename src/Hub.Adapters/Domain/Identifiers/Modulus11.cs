namespace Hub.Adapters.Domain.Identifiers;

/// <summary>
/// Modulus 11 check digit with weights 2–7 (モジュラス11 ウェイト2～7), as the 住民記録システム標準仕様書
/// prescribes for 宛名番号 and 世帯番号 and the 住民基本台帳法施行規則 for 住民票コード.
/// </summary>
/// <remarks>
/// Weights run 2, 3, 4, 5, 6, 7, 2, 3 … from the rightmost digit of the body. The check digit is
/// 11 − (Σ digit·weight mod 11); a remainder of 0 or 1 (which would give 11 or 10) yields 0.
/// </remarks>
public static class Modulus11
{
    /// <summary>Computes the check digit for a body of ASCII digits.</summary>
    public static int Compute(ReadOnlySpan<char> body)
    {
        var sum = 0;
        var weight = 2;
        for (var i = body.Length - 1; i >= 0; i--)
        {
            var d = body[i] - '0';
            if ((uint)d > 9)
            {
                throw new FormatException("The body of a check-digit number must be ASCII digits.");
            }

            sum += d * weight;
            weight = weight == 7 ? 2 : weight + 1;
        }

        var remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    /// <summary>True when the last digit of <paramref name="number"/> is the check digit of the rest.</summary>
    public static bool IsValid(ReadOnlySpan<char> number) =>
        number.Length >= 2 && IsAsciiDigits(number) && Compute(number[..^1]) == number[^1] - '0';

    internal static bool IsAsciiDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }
}
