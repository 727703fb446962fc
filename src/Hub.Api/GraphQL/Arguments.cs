using GraphQL;
using Hub.Api.GraphQL.Errors;
using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;

namespace Hub.Api.GraphQL;

/// <summary>
/// Reads identifier arguments and checks their form before anything is loaded: a malformed value gets BAD_USER_INPUT
/// naming the argument and the rule it broke (<c>extensions.rule</c>: width, digits, length, checkDigit), never "not
/// found", and no message quotes the value — a caller's value may hold anything.
/// </summary>
internal static class Arguments
{
    /// <summary>The longest search text accepted (a name or kana).</summary>
    public const int MaxSearchText = 100;

    /// <summary>
    /// A 宛名番号 or 世帯番号: 2–15 half-width digits, the last its check digit unless <c>Hub:Identifiers:VerifyCheckDigits</c>
    /// is off (<see cref="IdentifierArgumentOptions"/>).
    /// </summary>
    public static string Number(IResolveFieldContext context, string argument, string what)
    {
        var value = context.GetArgument<string>(argument);
        var verify = context.RequestServices?.GetService<IdentifierArgumentOptions>()?.VerifyCheckDigits ?? true;
        var rule = IdentifierCheck.CityNumber(value, verify);
        return rule == IdentifierRule.None ? value : throw Refused(argument, rule, what, "2 to 15");
    }

    /// <summary>A 個人番号: 12 half-width digits whose last is its check digit.</summary>
    public static string MyNumber(IResolveFieldContext context, string argument)
    {
        var value = context.GetArgument<string>(argument);
        var rule = IdentifierCheck.MyNumber(value);
        return rule == IdentifierRule.None ? value : throw Refused(argument, rule, "My Number (個人番号)", "12");
    }

    /// <summary>An optional search text, at most <see cref="MaxSearchText"/> characters.</summary>
    public static string? SearchText(IResolveFieldContext context, string argument)
    {
        var value = context.GetArgument<string?>(argument);
        return value is { Length: > MaxSearchText }
            ? throw HubErrors.BadUserInput(argument, $"is longer than {MaxSearchText} characters")
            : value;
    }

    private static ExecutionError Refused(string argument, IdentifierRule rule, string what, string lengths)
    {
        var error = HubErrors.BadUserInput(argument, IdentifierCheck.Describe(rule, what, lengths));
        error.Extensions!["rule"] = IdentifierCheck.Name(rule);
        return error;
    }
}
