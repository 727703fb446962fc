using Microsoft.Net.Http.Headers;

namespace Hub.Api.GraphQL.Http;

/// <summary>Media types of GraphQL over HTTP and the negotiation of the response's type from <c>Accept</c>.</summary>
internal static class GraphQLMediaTypes
{
    /// <summary>The spec's response type: status codes tell request errors from field errors.</summary>
    public const string GraphQLResponse = "application/graphql-response+json";

    /// <summary>The legacy response type and the request body type.</summary>
    public const string Json = "application/json";

    /// <summary>
    /// The response type for an <c>Accept</c> header: none → <c>application/json</c> (the spec's rule for old clients);
    /// otherwise the first acceptable entry by quality, <c>*/*</c> and <c>application/*</c> meaning <c>application/json</c>
    /// as graphql-http's reference server does. Null when nothing acceptable is offered (406).
    /// </summary>
    public static string? Negotiate(IHeaderDictionary headers)
    {
        var accept = headers.Accept;
        if (accept.Count == 0 || accept.All(string.IsNullOrWhiteSpace))
        {
            return Json;
        }

        if (!MediaTypeHeaderValue.TryParseList(accept, out var offered))
        {
            return null;
        }

        foreach (var media in offered.OrderByDescending(m => m.Quality ?? 1.0))
        {
            if (media.Quality is <= 0 || !IsUtf8(media))
            {
                continue;
            }

            var type = media.MediaType.Value;
            if (string.Equals(type, GraphQLResponse, StringComparison.OrdinalIgnoreCase))
            {
                return GraphQLResponse;
            }

            if (string.Equals(type, Json, StringComparison.OrdinalIgnoreCase)
                || string.Equals(type, "application/*", StringComparison.OrdinalIgnoreCase)
                || string.Equals(type, "*/*", StringComparison.OrdinalIgnoreCase))
            {
                return Json;
            }
        }

        return null;
    }

    /// <summary>True for a <c>Content-Type</c> of <c>application/json</c> with no charset or UTF-8.</summary>
    public static bool IsJsonBody(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var media)
        && string.Equals(media.MediaType.Value, Json, StringComparison.OrdinalIgnoreCase)
        && IsUtf8(media);

    private static bool IsUtf8(MediaTypeHeaderValue media) =>
        !media.Charset.HasValue || string.Equals(media.Charset.Value, "utf-8", StringComparison.OrdinalIgnoreCase);
}
