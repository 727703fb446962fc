using Hub.Api.GraphQL.Errors;

namespace Hub.Api.GraphQL.Http;

/// <summary>Why a GraphQL-over-HTTP request could not be read: the status and error code it is refused with.</summary>
/// <param name="Status">400 for a malformed or too deeply nested request, 413 for a body over the size limit.</param>
/// <param name="Code"><c>BAD_REQUEST</c> or <c>LIMIT_EXCEEDED</c>.</param>
/// <param name="Message">What the client is told.</param>
internal sealed record GraphQLHttpRequestProblem(int Status, string Code, string Message)
{
    /// <summary>A request that is not well-formed (400 <c>BAD_REQUEST</c>).</summary>
    public static GraphQLHttpRequestProblem Malformed(string message) => new(StatusCodes.Status400BadRequest, HubErrorCodes.BadRequest, message);

    /// <summary>A request over one of the limits (<c>LIMIT_EXCEEDED</c>).</summary>
    public static GraphQLHttpRequestProblem OverLimit(int status, string message) => new(status, HubErrorCodes.LimitExceeded, message);
}
