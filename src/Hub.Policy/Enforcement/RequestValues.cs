using System.Text.Json;
using Hub.Policy.Matchers;

namespace Hub.Policy.Enforcement;

/// <summary>Turns request values (CLR values or JSON) into the matcher language's values.</summary>
public static class RequestValues
{
    /// <summary>Converts a JSON value: objects become attribute dictionaries, numbers doubles, arrays lists.</summary>
    public static object? FromJson(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.Array => element.EnumerateArray().Select(FromJson).ToArray(),
        _ => (IReadOnlyDictionary<string, object?>)element.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => FromJson(g.Last().Value), StringComparer.Ordinal),
    };

    internal static object?[] Prepare(object?[] request, bool acceptJson)
    {
        var values = new object?[request.Length];
        for (var i = 0; i < request.Length; i++)
        {
            var value = request[i] is JsonElement json ? FromJson(json) : MatcherValues.Normalize(request[i]);
            if (acceptJson && value is string text && text.TrimStart().StartsWith('{'))
            {
                try
                {
                    using var document = JsonDocument.Parse(text);
                    value = FromJson(document.RootElement);
                }
                catch (JsonException)
                {
                    // Not JSON: Casbin keeps the string as it is.
                }
            }

            values[i] = value;
        }

        return values;
    }
}
