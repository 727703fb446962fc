using System.Text.Json;

namespace Hub.Api.GraphQL.Http;

/// <summary>Reads a GraphQL request from a POST body or GET parameters, refusing what is not well-formed.</summary>
internal static class GraphQLHttpRequestReader
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = 64 };

    /// <summary>The request from a JSON body; or the reason it is not well-formed (400).</summary>
    public static async Task<(GraphQLHttpRequest? Request, string? Problem)> ReadBodyAsync(Stream body, CancellationToken cancellationToken)
    {
        JsonDocument document;
        try
        {
            document = await JsonDocument.ParseAsync(body, Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return (null, "The request body is not valid JSON.");
        }

        // The root element outlives the document only as a clone, so the document can be released here.
        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Array => (null, "Batched requests (a JSON array) are not supported: send one request per HTTP request."),
                JsonValueKind.Object => FromObject(root.Clone()),
                _ => (null, "The request body must be a JSON object with a 'query' string."),
            };
        }
    }

    /// <summary>The request from GET parameters (<c>query</c>, <c>operationName</c>, <c>variables</c>, <c>extensions</c>).</summary>
    public static (GraphQLHttpRequest? Request, string? Problem) ReadQueryString(IQueryCollection parameters)
    {
        var query = parameters["query"].ToString();
        if (string.IsNullOrEmpty(query))
        {
            return (null, "The 'query' parameter is required.");
        }

        if (!TryParseObjectParameter(parameters, "variables", out var variables, out var problem)
            || !TryParseObjectParameter(parameters, "extensions", out var extensions, out problem))
        {
            return (null, problem);
        }

        var operationName = parameters["operationName"].ToString();
        return (new GraphQLHttpRequest(query, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions), null);
    }

    private static (GraphQLHttpRequest? Request, string? Problem) FromObject(JsonElement root)
    {
        if (!root.TryGetProperty("query", out var queryElement) || queryElement.ValueKind != JsonValueKind.String || queryElement.GetString() is not { Length: > 0 } query)
        {
            return (null, "The request must carry the document as a non-empty 'query' string.");
        }

        string? operationName = null;
        if (root.TryGetProperty("operationName", out var op))
        {
            if (op.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return (null, "'operationName' must be a string or null.");
            }

            operationName = op.ValueKind == JsonValueKind.String && op.GetString() is { Length: > 0 } name ? name : null;
        }

        if (!TryGetObject(root, "variables", out var variables) || !TryGetObject(root, "extensions", out var extensions))
        {
            return (null, "'variables' and 'extensions' must be JSON objects or null.");
        }

        return (new GraphQLHttpRequest(query, operationName, variables, extensions), null);
    }

    private static bool TryGetObject(JsonElement root, string name, out JsonElement? value)
    {
        value = null;
        if (!root.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return true;
        }

        value = element;
        return element.ValueKind == JsonValueKind.Object;
    }

    private static bool TryParseObjectParameter(IQueryCollection parameters, string name, out JsonElement? value, out string? problem)
    {
        value = null;
        problem = null;
        var text = parameters[name].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(text, Options);
            if (document.RootElement.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = $"The '{name}' parameter must be a JSON object.";
                return false;
            }

            value = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            problem = $"The '{name}' parameter is not valid JSON.";
            return false;
        }
    }
}
