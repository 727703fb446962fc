using GraphQL;
using GraphQL.Validation;
using GraphQL.Validation.Errors;

namespace Hub.Api.GraphQL.Errors;

/// <summary>
/// A literal or variable that does not fit its argument's type (a date that is not a date, an enum value that does not
/// exist, a string where a number goes) is the caller's input error: BAD_USER_INPUT, as the hub's own argument checks
/// answer, rather than GraphQL.NET's validation codes. The message names the argument or variable.
/// </summary>
internal static class ArgumentErrors
{
    /// <summary>Recodes the argument errors of <paramref name="result"/> in place.</summary>
    public static void Recode(ExecutionResult result)
    {
        foreach (var error in result.Errors ?? [])
        {
            if (error is ArgumentsOfCorrectTypeError or InvalidVariableError)
            {
                error.Code = HubErrorCodes.BadUserInput;
            }
        }
    }
}
