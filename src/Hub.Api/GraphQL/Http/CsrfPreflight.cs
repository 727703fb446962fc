using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;
using Microsoft.Net.Http.Headers;

namespace Hub.Api.GraphQL.Http;

/// <summary>
/// The GraphQL-over-HTTP CSRF rule. A browser sends a GET, or a POST with a "simple" body type (<c>text/plain</c>,
/// <c>application/x-www-form-urlencoded</c>, <c>multipart/form-data</c>, or none), to another site without asking
/// first (no CORS preflight). Such a request must therefore prove that a script set a header a page cannot set
/// cross-site without a preflight: one of <see cref="PreflightHeaders"/>. Otherwise it is refused with 400 before
/// anything executes. A POST with <c>Content-Type: application/json</c> always triggers a preflight and needs none.
/// </summary>
internal static class CsrfPreflight
{
    /// <summary>Any one of these headers, with any non-empty value, proves the request was preflighted.</summary>
    public static readonly IReadOnlyList<string> PreflightHeaders =
    [
        "GraphQL-Require-Preflight",
        HubHeaders.Task,
        HubHeaders.Purpose,
        HubHeaders.Case,
        HubHeaders.Client,
    ];

    /// <summary>The body types a cross-site HTML form or a no-cors <c>fetch</c> can send without a preflight.</summary>
    public static readonly IReadOnlyList<string> SimpleContentTypes = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data"];

    /// <summary>Null when <paramref name="request"/> may proceed; otherwise the message of the 400 refusal.</summary>
    public static string? Check(HttpRequest request)
    {
        var needsProof = HttpMethods.IsGet(request.Method) || (HttpMethods.IsPost(request.Method) && IsSimpleContentType(request.ContentType));
        if (!needsProof || PreflightHeaders.Any(h => !string.IsNullOrWhiteSpace(request.Headers[h])))
        {
            return null;
        }

        var what = HttpMethods.IsGet(request.Method) ? "A GET request" : $"A POST with Content-Type '{request.ContentType ?? "(none)"}'";
        return $"{what} could be a cross-site request forgery: send one of the headers {string.Join(", ", PreflightHeaders)} "
            + "(for example GraphQL-Require-Preflight: 1), or POST with Content-Type: application/json.";
    }

    private static bool IsSimpleContentType(string? contentType) =>
        string.IsNullOrWhiteSpace(contentType)
        || !MediaTypeHeaderValue.TryParse(contentType, out var media)
        || SimpleContentTypes.Any(t => string.Equals(media.MediaType.Value, t, StringComparison.OrdinalIgnoreCase));
}
