namespace Hub.Adapters.Domain.Identifiers;

/// <summary>Why an identifier did not parse; <see cref="None"/> when it did.</summary>
public enum IdentifierError
{
    /// <summary>Parsed.</summary>
    None,

    /// <summary>Empty or whitespace.</summary>
    Empty,

    /// <summary>Contains something other than ASCII digits.</summary>
    NotDigits,

    /// <summary>Too short or too long for this kind of number.</summary>
    WrongLength,

    /// <summary>The last digit is not the check digit of the others.</summary>
    CheckDigitMismatch,
}

/// <summary>Human-readable text for <see cref="IdentifierError"/>, used in quarantine reasons.</summary>
public static class IdentifierErrorText
{
    /// <summary>Describes <paramref name="error"/> for a field named <paramref name="field"/>.</summary>
    public static string Describe(this IdentifierError error, string field) => error switch
    {
        IdentifierError.None => $"{field}: ok",
        IdentifierError.Empty => $"{field}: empty",
        IdentifierError.NotDigits => $"{field}: not all ASCII digits",
        IdentifierError.WrongLength => $"{field}: wrong number of digits",
        IdentifierError.CheckDigitMismatch => $"{field}: check digit does not match",
        _ => $"{field}: invalid",
    };
}
