using System.Buffers;
using System.Text;
using System.Text.Json;
using Hub.Api.GraphQL.Limits;

namespace Hub.Api.GraphQL.Http;

/// <summary>
/// Reads a GraphQL request from a POST body or GET parameters, refusing what is not well-formed (400) and, before any
/// JSON document is built, a body over <see cref="GraphQLLimitsOptions.MaxRequestBytes"/> (413) or JSON nested deeper than
/// <see cref="GraphQLLimitsOptions.MaxVariablesDepth"/> (400), both <c>LIMIT_EXCEEDED</c>.
/// </summary>
internal static class GraphQLHttpRequestReader
{
    /// <summary>The request from a JSON body; or why it is refused.</summary>
    public static async Task<(GraphQLHttpRequest? Request, GraphQLHttpRequestProblem? Problem)> ReadBodyAsync(
        HttpRequest http, GraphQLLimitsOptions limits, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(limits);
        if (http.ContentLength > limits.MaxRequestBytes)
        {
            return (null, TooLarge(limits));
        }

        // One byte more than the limit is enough to know the body is over it: nothing past that is read.
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(http.ContentLength ?? 4096, limits.MaxRequestBytes) + 1);
        try
        {
            var length = 0;
            int read;
            while ((read = await http.Body.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length > limits.MaxRequestBytes)
                {
                    return (null, TooLarge(limits));
                }

                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min((long)buffer.Length * 2, limits.MaxRequestBytes + 1L));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            return Parse(buffer.AsMemory(0, length), limits);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>The request from GET parameters (<c>query</c>, <c>operationName</c>, <c>variables</c>, <c>extensions</c>).</summary>
    public static (GraphQLHttpRequest? Request, GraphQLHttpRequestProblem? Problem) ReadQueryString(IQueryCollection parameters, GraphQLLimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(limits);
        var query = parameters["query"].ToString();
        if (string.IsNullOrEmpty(query))
        {
            return (null, GraphQLHttpRequestProblem.Malformed("The 'query' parameter is required."));
        }

        if (!TryParseObjectParameter(parameters, "variables", limits, out var variables, out var problem)
            || !TryParseObjectParameter(parameters, "extensions", limits, out var extensions, out problem))
        {
            return (null, problem);
        }

        var operationName = parameters["operationName"].ToString();
        return (new GraphQLHttpRequest(query, string.IsNullOrEmpty(operationName) ? null : operationName, variables, extensions), null);
    }

    private static (GraphQLHttpRequest? Request, GraphQLHttpRequestProblem? Problem) Parse(ReadOnlyMemory<byte> body, GraphQLLimitsOptions limits)
    {
        switch (JsonNesting.Check(body.Span, limits.MaxVariablesDepth, topLevel: 0))
        {
            case JsonNesting.Outcome.Malformed:
                return (null, GraphQLHttpRequestProblem.Malformed("The request body is not valid JSON."));
            case JsonNesting.Outcome.TooDeep:
                return (null, TooDeep(limits));
            default:
                break;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = limits.MaxVariablesDepth + 2 });
        }
        catch (JsonException)
        {
            return (null, GraphQLHttpRequestProblem.Malformed("The request body is not valid JSON."));
        }

        // Only variables and extensions outlive the document (and the buffer under it), as clones: the query becomes a
        // string, and the rest of the body is not copied.
        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Array => (null, GraphQLHttpRequestProblem.Malformed("Batched requests (a JSON array) are not supported: send one request per HTTP request.")),
                JsonValueKind.Object => FromObject(root),
                _ => (null, GraphQLHttpRequestProblem.Malformed("The request body must be a JSON object with a 'query' string.")),
            };
        }
    }

    private static (GraphQLHttpRequest? Request, GraphQLHttpRequestProblem? Problem) FromObject(JsonElement root)
    {
        if (!root.TryGetProperty("query", out var queryElement) || queryElement.ValueKind != JsonValueKind.String || queryElement.GetString() is not { Length: > 0 } query)
        {
            return (null, GraphQLHttpRequestProblem.Malformed("The request must carry the document as a non-empty 'query' string."));
        }

        string? operationName = null;
        if (root.TryGetProperty("operationName", out var op))
        {
            if (op.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                return (null, GraphQLHttpRequestProblem.Malformed("'operationName' must be a string or null."));
            }

            operationName = op.ValueKind == JsonValueKind.String && op.GetString() is { Length: > 0 } name ? name : null;
        }

        if (!TryGetObject(root, "variables", out var variables) || !TryGetObject(root, "extensions", out var extensions))
        {
            return (null, GraphQLHttpRequestProblem.Malformed("'variables' and 'extensions' must be JSON objects or null."));
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

        if (element.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        value = element.Clone();
        return true;
    }

    private static bool TryParseObjectParameter(IQueryCollection parameters, string name, GraphQLLimitsOptions limits, out JsonElement? value, out GraphQLHttpRequestProblem? problem)
    {
        value = null;
        problem = null;
        var text = parameters[name].ToString();
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        var utf8 = Encoding.UTF8.GetBytes(text);
        switch (JsonNesting.Check(utf8, limits.MaxVariablesDepth, topLevel: 1))
        {
            case JsonNesting.Outcome.Malformed:
                problem = GraphQLHttpRequestProblem.Malformed($"The '{name}' parameter is not valid JSON.");
                return false;
            case JsonNesting.Outcome.TooDeep:
                problem = TooDeep(limits);
                return false;
            default:
                break;
        }

        try
        {
            using var document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = limits.MaxVariablesDepth + 2 });
            if (document.RootElement.ValueKind == JsonValueKind.Null)
            {
                return true;
            }

            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                problem = GraphQLHttpRequestProblem.Malformed($"The '{name}' parameter must be a JSON object.");
                return false;
            }

            value = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            problem = GraphQLHttpRequestProblem.Malformed($"The '{name}' parameter is not valid JSON.");
            return false;
        }
    }

    private static GraphQLHttpRequestProblem TooLarge(GraphQLLimitsOptions limits) => GraphQLHttpRequestProblem.OverLimit(
        StatusCodes.Status413PayloadTooLarge,
        $"The request body is over {limits.MaxRequestBytes} bytes (setting {GraphQLLimitsOptions.SectionName}:MaxRequestBytes); it was not read.");

    private static GraphQLHttpRequestProblem TooDeep(GraphQLLimitsOptions limits) => GraphQLHttpRequestProblem.OverLimit(
        StatusCodes.Status400BadRequest,
        $"The request's variables or extensions nest more than {limits.MaxVariablesDepth} levels deep (setting {GraphQLLimitsOptions.SectionName}:MaxVariablesDepth); they were not read.");
}
