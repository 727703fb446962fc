using System.Diagnostics.CodeAnalysis;

namespace Hub.Adapters.Domain.Identifiers;

/// <summary>
/// 個人番号 (My Number): twelve digits, the last a check digit (番号法施行令 第8条 and 同省令 第5条).
/// </summary>
/// <remarks>
/// With P_n the n-th digit from the right of the first eleven and Q_n = n + 1 for n ≤ 6, n − 5 for
/// 7 ≤ n ≤ 11, the check digit is 11 − (Σ P_n·Q_n mod 11), or 0 where that remainder is 0 or 1.
/// <see cref="ToString"/> is masked so that a My Number cannot reach a log line by accident; read
/// <see cref="Digits"/> where the policy allows it.
/// </remarks>
public readonly record struct MyNumber
{
    /// <summary>Number of digits.</summary>
    public const int Length = 12;

    private readonly string? _digits;

    private MyNumber(string digits) => _digits = digits;

    /// <summary>The twelve digits. Specific personal information (特定個人情報): only where a policy allows.</summary>
    public string Digits => _digits ?? string.Empty;

    /// <summary>Computes the check digit for the first eleven digits.</summary>
    public static int ComputeCheckDigit(ReadOnlySpan<char> elevenDigits)
    {
        if (elevenDigits.Length != Length - 1 || !Modulus11.IsAsciiDigits(elevenDigits))
        {
            throw new FormatException("The body of a My Number is eleven ASCII digits.");
        }

        var sum = 0;
        for (var n = 1; n <= 11; n++)
        {
            var p = elevenDigits[11 - n] - '0';
            var q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }

        var remainder = sum % 11;
        return remainder <= 1 ? 0 : 11 - remainder;
    }

    /// <summary>Builds a My Number from eleven digits, appending the check digit.</summary>
    public static MyNumber FromBody(string elevenDigits) =>
        new(elevenDigits + ComputeCheckDigit(elevenDigits));

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> naming the problem (never the number).</summary>
    public static MyNumber Parse(string text) =>
        TryParse(text, out var n, out var error) ? n : throw new FormatException(error.Describe("個人番号"));

    /// <summary>Parses <paramref name="text"/> without throwing.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out MyNumber number, out IdentifierError error)
    {
        number = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = IdentifierError.Empty;
            return false;
        }

        var s = text.AsSpan().Trim();
        if (!Modulus11.IsAsciiDigits(s))
        {
            error = IdentifierError.NotDigits;
            return false;
        }

        if (s.Length != Length)
        {
            error = IdentifierError.WrongLength;
            return false;
        }

        if (ComputeCheckDigit(s[..^1]) != s[^1] - '0')
        {
            error = IdentifierError.CheckDigitMismatch;
            return false;
        }

        error = IdentifierError.None;
        number = new MyNumber(s.ToString());
        return true;
    }

    /// <summary>Masked: a My Number never appears in text by accident.</summary>
    public override string ToString() => _digits is null ? string.Empty : "************";
}
