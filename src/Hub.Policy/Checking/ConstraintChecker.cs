using Hub.Policy.Matchers;
using Hub.Policy.Matchers.Syntax;
using Hub.Policy.Model;
using Hub.Policy.Persistence;

namespace Hub.Policy.Checking;

/// <summary>
/// Checks <c>[constraint_definition]</c> entries against the direct <c>g</c> assignments: <c>sod(a, b)</c> (nobody holds
/// both), <c>sodMax([roles], n)</c> (nobody holds more than n of them), <c>roleMax(role, n)</c> (at most n holders),
/// <c>rolePre(role, prerequisite)</c> (every holder also holds the prerequisite). Violations are errors; a constraint
/// that cannot be read is an error at its line.
/// </summary>
internal static class ConstraintChecker
{
    public static void Check(PolicyModel model, IReadOnlyList<PolicyRule> rules, string source, List<PolicyDiagnostic> diagnostics)
    {
        var assignments = rules.Where(r => r.Type == "g" && r.Values.Count >= 2).ToList();
        var rolesOf = assignments.GroupBy(r => r.Values[0], StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Select(r => r.Values[1]).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        foreach (var constraint in model.Constraints.Values)
        {
            try
            {
                if (MatcherParser.Parse(constraint.Value) is not CallNode call)
                {
                    throw new MatcherSyntaxException(constraint.Value, 0, "expected sod(), sodMax(), roleMax() or rolePre()");
                }

                foreach (var violation in Violations(call, rolesOf, constraint.Value))
                {
                    diagnostics.Add(new(DiagnosticSeverity.Error, source, FirstLine(assignments, violation.User), 1, $"constraint {constraint.Key} ({constraint.Value}) violated: {violation.Message}"));
                }
            }
            catch (MatcherSyntaxException ex)
            {
                diagnostics.Add(new(DiagnosticSeverity.Error, model.Source, constraint.Line, constraint.ValueColumn + ex.Position, ex.Problem));
            }
        }
    }

    private static IEnumerable<(string? User, string Message)> Violations(CallNode call, Dictionary<string, HashSet<string>> rolesOf, string text)
    {
        var args = call.Arguments;
        switch (call.Name)
        {
            case "sod" when args.Count == 2:
                var (a, b) = (Str(args[0], text), Str(args[1], text));
                return rolesOf.Where(kv => kv.Value.Contains(a) && kv.Value.Contains(b)).Select(kv => ((string?)kv.Key, $"'{kv.Key}' holds both '{a}' and '{b}'"));
            case "sodMax" when args.Count == 2 && args[0] is ArrayNode list:
                var roles = list.Items.Select(i => Str(i, text)).ToHashSet(StringComparer.Ordinal);
                var max = Number(args[1], text);
                return rolesOf.Where(kv => kv.Value.Count(roles.Contains) > max).Select(kv => ((string?)kv.Key, $"'{kv.Key}' holds more than {max} of {string.Join(", ", roles)}"));
            case "roleMax" when args.Count == 2:
                var role = Str(args[0], text);
                var limit = Number(args[1], text);
                var holders = rolesOf.Where(kv => kv.Value.Contains(role)).Select(kv => kv.Key).ToList();
                return holders.Count > limit ? [(holders[limit], $"'{role}' has {holders.Count} holders, at most {limit} allowed")] : [];
            case "rolePre" when args.Count == 2:
                var (target, prerequisite) = (Str(args[0], text), Str(args[1], text));
                return rolesOf.Where(kv => kv.Value.Contains(target) && !kv.Value.Contains(prerequisite)).Select(kv => ((string?)kv.Key, $"'{kv.Key}' holds '{target}' without '{prerequisite}'"));
            default:
                throw new MatcherSyntaxException(text, call.Position, $"unknown constraint '{call.Name}' or wrong arguments");
        }
    }

    private static string Str(MatcherNode node, string text) =>
        node is LiteralNode { Value: string s } ? s : throw new MatcherSyntaxException(text, node.Position, "expected a string");

    private static int Number(MatcherNode node, string text) =>
        node is LiteralNode { Value: double d } ? (int)d : throw new MatcherSyntaxException(text, node.Position, "expected a number");

    private static int FirstLine(List<PolicyRule> assignments, string? user) =>
        assignments.FirstOrDefault(r => r.Values[0] == user)?.Line ?? 0;
}
