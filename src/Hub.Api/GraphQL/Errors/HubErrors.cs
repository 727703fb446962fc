using GraphQL;

namespace Hub.Api.GraphQL.Errors;

/// <summary>Factory for errors that carry a hub error code.</summary>
internal static class HubErrors
{
    public static ExecutionError Create(string code, string message) => new(message) { Code = code };

    public static ExecutionError NotFound(string what) => Create(HubErrorCodes.NotFound, $"No {what} found.");
}
