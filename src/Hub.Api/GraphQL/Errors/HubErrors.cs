using GraphQL;

namespace Hub.Api.GraphQL.Errors;

/// <summary>Factory for errors that carry a hub error code.</summary>
internal static class HubErrors
{
    public static ExecutionError Create(string code, string message) => new(message) { Code = code };

    public static ExecutionError NotFound(string what) => Create(HubErrorCodes.NotFound, $"No {what} found.");

    /// <summary>
    /// BAD_USER_INPUT for the argument <paramref name="argument"/>: <paramref name="problem"/> says what is wrong with it
    /// and must never quote the value (it goes to the caller, and a caller's value may hold personal data).
    /// </summary>
    public static ExecutionError BadUserInput(string argument, string problem)
    {
        var error = Create(HubErrorCodes.BadUserInput, $"Argument '{argument}' {problem}.");
        error.Extensions ??= new Dictionary<string, object?>();
        error.Extensions["argument"] = argument;
        return error;
    }
}
