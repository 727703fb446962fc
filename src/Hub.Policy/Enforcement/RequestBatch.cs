using System.Text.Encodings.Web;
using System.Text.Json;
using Hub.Policy.Matchers;
using Hub.Policy.Model;
using Hub.Policy.Persistence;

namespace Hub.Policy.Enforcement;

/// <summary>
/// The contract of <c>hub policy enforce</c>: a JSON array of requests (each an array of values; objects for ABAC), or
/// <c>{"options": {"matchingFunc": {"g": "keyMatch2"}, "domainMatchingFunc": {"g": "keyMatch"}, "acceptJsonRequest": true}, "requests": [...]}</c>;
/// out comes one JSON line per request, in order: <c>{"allowed":true,"explain":[...]}</c>, or <c>{"error":"..."}</c>
/// for a request that cannot be decided, without stopping the rest.
/// </summary>
public static class RequestBatch
{
    private static readonly JsonSerializerOptions LineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Decides every request of <paramref name="requestsJson"/> and writes one line per request to <paramref name="output"/>.</summary>
    /// <exception cref="PolicyFormatException">The model or policy cannot be read.</exception>
    /// <exception cref="JsonException">The requests document is not JSON of the expected shape.</exception>
    public static void Run(PolicyModel model, IReadOnlyList<PolicyRule> rules, string requestsJson, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        using var document = JsonDocument.Parse(requestsJson);
        var root = document.RootElement;
        var options = new EnforcerOptions();
        JsonElement requests;
        if (root.ValueKind == JsonValueKind.Object)
        {
            if (root.TryGetProperty("options", out var o))
            {
                ReadOptions(o, options);
            }

            requests = root.TryGetProperty("requests", out var r) && r.ValueKind == JsonValueKind.Array
                ? r
                : throw new JsonException("expected a \"requests\" array");
        }
        else if (root.ValueKind == JsonValueKind.Array)
        {
            requests = root;
        }
        else
        {
            throw new JsonException("expected a JSON array of requests or an object with \"requests\"");
        }

        var enforcer = new Enforcer(model, rules, options);
        foreach (var request in requests.EnumerateArray())
        {
            output.WriteLine(Decide(enforcer, request));
        }
    }

    private static string Decide(Enforcer enforcer, JsonElement request)
    {
        try
        {
            if (request.ValueKind != JsonValueKind.Array)
            {
                return Error("a request must be an array of values");
            }

            var values = request.EnumerateArray().Select(v => (object?)v.Clone()).ToArray();
            var result = enforcer.EnforceEx(values);
            return JsonSerializer.Serialize(new { allowed = result.Allowed, explain = result.Explain }, LineOptions);
        }
        catch (Exception ex) when (ex is MatcherEvaluationException or MatcherSyntaxException or ArgumentException or System.Text.RegularExpressions.RegexMatchTimeoutException)
        {
            return Error(ex.Message);
        }
    }

    private static string Error(string message) => JsonSerializer.Serialize(new { error = message }, LineOptions);

    private static void ReadOptions(JsonElement element, EnforcerOptions options)
    {
        if (element.TryGetProperty("matchingFunc", out var matching))
        {
            foreach (var p in matching.EnumerateObject())
            {
                options.MatchingFunctions[p.Name] = p.Value.GetString() ?? string.Empty;
            }
        }

        if (element.TryGetProperty("domainMatchingFunc", out var domain))
        {
            foreach (var p in domain.EnumerateObject())
            {
                options.DomainMatchingFunctions[p.Name] = p.Value.GetString() ?? string.Empty;
            }
        }

        if (element.TryGetProperty("acceptJsonRequest", out var json))
        {
            options.AcceptJsonRequest = json.ValueKind == JsonValueKind.True;
        }
    }
}
