using System.Text.Json;
using Hub.Policy.Enforcement;

namespace Hub.Policy.Tests.Compatibility;

/// <summary>One entry of the corpus's expectations.json: a Go test's model, policy, options and asserted decisions.</summary>
internal sealed record CasbinExpectation(string Test, string Model, string Policy, JsonElement? Options, string? OracleDiffers, IReadOnlyList<(object?[] Request, bool Expected)> Cases)
{
    public static IReadOnlyList<CasbinExpectation> Load(string folder)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "expectations.json")));
        return document.RootElement.EnumerateArray().Select(e => new CasbinExpectation(
            e.GetProperty("test").GetString()!,
            e.GetProperty("model").GetString()!,
            e.GetProperty("policy").GetString()!,
            e.TryGetProperty("options", out var o) ? o.Clone() : null,
            e.TryGetProperty("oracleDiffers", out var d) ? d.GetString() : null,
            e.GetProperty("cases").EnumerateArray()
                .Select(c => (c[0].EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString() : (object?)v.Clone()).ToArray(), c[1].GetBoolean()))
                .ToList())).ToList();
    }

    public EnforcerOptions CreateOptions()
    {
        var options = new EnforcerOptions();
        if (Options is not { } o)
        {
            return options;
        }

        if (o.TryGetProperty("matchingFunc", out var m))
        {
            foreach (var p in m.EnumerateObject())
            {
                options.MatchingFunctions[p.Name] = p.Value.GetString()!;
            }
        }

        if (o.TryGetProperty("domainMatchingFunc", out var d))
        {
            foreach (var p in d.EnumerateObject())
            {
                options.DomainMatchingFunctions[p.Name] = p.Value.GetString()!;
            }
        }

        options.AcceptJsonRequest = o.TryGetProperty("acceptJsonRequest", out var j) && j.GetBoolean();
        return options;
    }
}
