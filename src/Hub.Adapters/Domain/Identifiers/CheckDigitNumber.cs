namespace Hub.Adapters.Domain.Identifiers;

/// <summary>Validation shared by the digit-string identifiers.</summary>
internal static class CheckDigitNumber
{
    public static IdentifierError Validate(string? text, int minLength, int maxLength, bool verifyCheckDigit)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return IdentifierError.Empty;
        }

        var s = text.AsSpan().Trim();
        if (!Modulus11.IsAsciiDigits(s))
        {
            return IdentifierError.NotDigits;
        }

        if (s.Length < minLength || s.Length > maxLength)
        {
            return IdentifierError.WrongLength;
        }

        return verifyCheckDigit && !Modulus11.IsValid(s) ? IdentifierError.CheckDigitMismatch : IdentifierError.None;
    }

    /// <summary>Numeric order for digit strings of different lengths, then ordinal.</summary>
    public static int Compare(string? a, string? b)
    {
        a ??= string.Empty;
        b ??= string.Empty;
        var byLength = a.TrimStart('0').Length.CompareTo(b.TrimStart('0').Length);
        return byLength != 0 ? byLength : string.CompareOrdinal(a.TrimStart('0'), b.TrimStart('0')) is var c && c != 0 ? c : a.Length.CompareTo(b.Length);
    }
}
