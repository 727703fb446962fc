using GraphQL;
using Hub.Api.GraphQL.Errors;

namespace Hub.Api.GraphQL;

/// <summary>
/// Reads identifier arguments and checks their form before anything is loaded: a malformed value gets BAD_USER_INPUT
/// naming the argument (never "not found"), and no message quotes the value — a caller's value may hold anything.
/// Full-width digits (全角) are read as digits, as a counter clerk types them.
/// </summary>
internal static class Arguments
{
    /// <summary>The longest search text accepted (a name or kana).</summary>
    public const int MaxSearchText = 100;

    /// <summary>A 宛名番号 or 世帯番号: 1–15 digits (the catalog's pattern).</summary>
    public static string Number(IResolveFieldContext context, string argument, string what)
    {
        var value = Digits(context.GetArgument<string>(argument));
        return value is { Length: >= 1 and <= 15 }
            ? value
            : throw HubErrors.BadUserInput(argument, $"must be a {what} of 1 to 15 digits");
    }

    /// <summary>A 個人番号: 12 digits whose last is its check digit.</summary>
    public static string MyNumber(IResolveFieldContext context, string argument)
    {
        var value = Digits(context.GetArgument<string>(argument));
        return value is not null && Hub.Adapters.Domain.Identifiers.MyNumber.TryParse(value, out _, out _)
            ? value
            : throw HubErrors.BadUserInput(argument, "must be a My Number (個人番号) of 12 digits with a valid check digit");
    }

    /// <summary>An optional search text, at most <see cref="MaxSearchText"/> characters.</summary>
    public static string? SearchText(IResolveFieldContext context, string argument)
    {
        var value = context.GetArgument<string?>(argument);
        return value is { Length: > MaxSearchText }
            ? throw HubErrors.BadUserInput(argument, $"is longer than {MaxSearchText} characters")
            : value;
    }

    // ASCII digits from ASCII or full-width digits; null when anything else is in the value.
    private static string? Digits(string? value)
    {
        if (value is null || value.Length > 32)
        {
            return null;
        }

        Span<char> digits = stackalloc char[value.Length];
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            digits[i] = c switch
            {
                >= '0' and <= '9' => c,
                >= '０' and <= '９' => (char)('0' + (c - '０')),
                _ => '\0',
            };
            if (digits[i] == '\0')
            {
                return null;
            }
        }

        return new string(digits);
    }
}
