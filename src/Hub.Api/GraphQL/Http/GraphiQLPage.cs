using System.Collections.Frozen;
using System.Text.Json;
using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;
using Hub.Api.Security;

namespace Hub.Api.GraphQL.Http;

/// <summary>
/// GraphiQL at <c>/graphql/ui</c>, Development only (elsewhere the path is not mapped: 404). The page and its bundle
/// (built from npm by <c>tools/graphiql</c> into <c>wwwroot/graphiql</c>) are embedded in the executable and served
/// from it: nothing comes from a CDN, which city networks such as LGWAN cannot reach. The headers editor starts with a
/// development token and the <c>X-Hub-*</c> request context of the demo counter clerk.
/// </summary>
internal sealed class GraphiQLPage(HubAuthOptions auth, TimeProvider time)
{
    /// <summary>The page's path.</summary>
    public const string Path = "/graphql/ui";

    // Only what the bundle consists of; anything else under /graphql/ui is 404.
    private static readonly FrozenDictionary<string, string> Assets = new Dictionary<string, string>
    {
        ["graphiql.js"] = "text/javascript; charset=utf-8",
        ["graphiql.css"] = "text/css; charset=utf-8",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    // The page may talk to the hub alone; inline styles are GraphiQL's, fonts and icons are data: URLs in its CSS.
    private const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    /// <summary>The HTML page with the endpoint and initial headers written into it.</summary>
    public IResult Page(HttpContext http)
    {
        var template = Read("index.html") ?? throw new InvalidOperationException("The GraphiQL page is not embedded in the executable (wwwroot/graphiql/index.html).");
        var config = JsonSerializer.Serialize(new { endpoint = GraphQLPath, headers = InitialHeaders() });
        var html = System.Text.Encoding.UTF8.GetString(template).Replace(
            "<!--hub-graphiql-config-->",
            $"<script id=\"hub-graphiql-config\" type=\"application/json\">{config}</script>",
            StringComparison.Ordinal);

        // The page holds a token: never cached, never framed.
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>One file of the bundle, or 404.</summary>
    public static IResult Asset(HttpContext http, string file)
    {
        if (!Assets.TryGetValue(file, out var contentType) || Read(file) is not { } bytes)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.XContentTypeOptions = "nosniff";
        return Results.Bytes(bytes, contentType);
    }

    private const string GraphQLPath = "/graphql";

    private string InitialHeaders()
    {
        // A token only when this hub accepts development tokens; otherwise the user pastes their own.
        var token = DevelopmentTokens.IsDevelopmentKey(auth.EffectiveKey())
            ? DevelopmentTokens.Issue("demo-resident-clerk", ["resident-clerk"], TimeSpan.FromHours(8), atenaNumber: null, auth, clientId: "graphiql", time)
            : "<your token>";
        var headers = new Dictionary<string, string>
        {
            ["Authorization"] = "Bearer " + token,
            [HubHeaders.Task] = "resident-registry",
            [HubHeaders.Purpose] = "counter-identity-check",
            [HubHeaders.Case] = "DEMO-0001",
        };
        return JsonSerializer.Serialize(headers, Indented);
    }

    private static byte[]? Read(string file)
    {
        using var stream = typeof(GraphiQLPage).Assembly.GetManifestResourceStream("graphiql/" + file);
        if (stream is null)
        {
            return null;
        }

        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
