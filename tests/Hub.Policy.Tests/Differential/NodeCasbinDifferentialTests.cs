using System.Text.Json;
using Hub.Policy.Enforcement;
using Hub.Policy.Model;
using Hub.Policy.Persistence;
using Hub.Policy.Tests.Support;

namespace Hub.Policy.Tests.Differential;

/// <summary>
/// Thousands of generated requests over generated RBAC, domain, deny-override, priority, keyMatch and ABAC policies,
/// decided by Hub.Policy and by the real npm <c>casbin</c> package; decisions (and, where node-casbin reports the
/// same rule as Go, explanations) must agree.
/// </summary>
public sealed class NodeCasbinDifferentialTests
{
    private static readonly int[] Seeds = [1, 2, 3, 4];

    [Fact]
    public void Enforce_GeneratedPolicies_AgreeWithNodeCasbin()
    {
        if (NodeCasbin.Unavailable is { } reason)
        {
            Assert.Skip("node-casbin oracle unavailable: " + reason);
        }

        var cases = Seeds.SelectMany(seed => new CaseGenerator(seed).All()).ToList();
        using var oracle = NodeCasbin.Run(cases);
        var mismatches = new List<string>();
        var compared = 0;
        var allowed = 0;
        for (var c = 0; c < cases.Count; c++)
        {
            var testCase = cases[c];
            var enforcer = new Enforcer(PolicyModel.Parse(testCase.Model), PolicyCsvReader.Parse(testCase.Policy), Options(testCase));
            var expected = oracle.RootElement[c];
            for (var i = 0; i < testCase.Requests.Count; i++)
            {
                compared++;
                var request = testCase.Requests[i].Select(ToRequestValue).ToArray();
                var node = expected[i];
                string ours;
                try
                {
                    var result = enforcer.EnforceEx(request);
                    ours = Describe(result.Allowed, testCase.CompareExplain ? result.Explain : null);
                }
                catch (Exception ex) when (ex is Hub.Policy.Matchers.MatcherEvaluationException or ArgumentException)
                {
                    ours = "error";
                }

                var theirs = node.TryGetProperty("error", out _)
                    ? "error"
                    : Describe(node.GetProperty("allowed").GetBoolean(), testCase.CompareExplain ? node.GetProperty("explain").EnumerateArray().Select(e => e.GetString()!).ToList() : null);
                allowed += theirs.StartsWith("True", StringComparison.Ordinal) ? 1 : 0;
                if (ours != theirs && mismatches.Count < 20)
                {
                    mismatches.Add($"{testCase.Name}: {JsonSerializer.Serialize(testCase.Requests[i])} hub={ours} node={theirs}");
                }
            }
        }

        Assert.True(compared > 12000, $"only {compared} requests compared");
        Assert.InRange(allowed, compared / 10, compared * 9 / 10); // generated shapes must exercise both outcomes
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
    }

    private static object? ToRequestValue(object? value) => value switch
    {
        Dictionary<string, object> map => (IReadOnlyDictionary<string, object?>)map.ToDictionary(kv => kv.Key, kv => Hub.Policy.Matchers.MatcherValues.Normalize(kv.Value)),
        _ => value,
    };

    private static EnforcerOptions Options(DifferentialCase testCase)
    {
        var options = new EnforcerOptions();
        if (testCase.Options?.GetValueOrDefault("matchingFunc") is Dictionary<string, string> names)
        {
            foreach (var (g, fn) in names)
            {
                options.MatchingFunctions[g] = fn;
            }
        }

        options.AcceptJsonRequest = testCase.Options?.GetValueOrDefault("acceptJsonRequest") is true;
        if (testCase.Options?.GetValueOrDefault("domainMatchingFunc") is Dictionary<string, string> domain)
        {
            foreach (var (g, fn) in domain)
            {
                options.DomainMatchingFunctions[g] = fn;
            }
        }

        return options;
    }

    private static string Describe(bool allowed, IReadOnlyList<string>? explain) =>
        explain is null ? allowed.ToString() : $"{allowed} [{string.Join(", ", explain)}]";
}
