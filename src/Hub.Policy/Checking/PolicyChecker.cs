using Hub.Policy.Catalog;
using Hub.Policy.Effects;
using Hub.Policy.Enforcement;
using Hub.Policy.Functions;
using Hub.Policy.Matchers;
using Hub.Policy.Model;
using Hub.Policy.Persistence;

namespace Hub.Policy.Checking;

/// <summary>
/// What <c>hub policy check</c> reports: errors (with file, line and column) that make a model or policy unusable,
/// and warnings about policies that load but likely do not say what was meant — fields not in the catalog,
/// rules shadowed by broader ones, roles nobody holds, lines Casbin would ignore.
/// </summary>
public static class PolicyChecker
{
    /// <summary>Checks model and policy text. A null <paramref name="catalog"/> (or an empty one) skips the catalog checks.</summary>
    public static IReadOnlyList<PolicyDiagnostic> Check(string modelText, string modelSource, string policyText, string policySource, FieldCatalog? catalog = null, EnforcerOptions? options = null)
    {
        var diagnostics = new List<PolicyDiagnostic>();
        PolicyModel model;
        IReadOnlyList<PolicyRule> rules;
        try
        {
            model = PolicyModel.Parse(modelText, modelSource);
        }
        catch (PolicyFormatException ex)
        {
            return [new PolicyDiagnostic(DiagnosticSeverity.Error, modelSource, ex.Line, ex.Column, ex.Problem)];
        }

        try
        {
            rules = PolicyCsvReader.Parse(policyText, policySource);
        }
        catch (PolicyFormatException ex)
        {
            return [new PolicyDiagnostic(DiagnosticSeverity.Error, policySource, ex.Line, ex.Column, ex.Problem)];
        }

        CheckModel(model, options, diagnostics);
        CheckRules(model, rules, policySource, diagnostics);
        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return diagnostics;
        }

        ConstraintChecker.Check(model, rules, policySource, diagnostics);
        CheckFieldRules(model, rules, policySource, catalog, diagnostics);
        CheckRoles(model, rules, policySource, diagnostics);
        return diagnostics;
    }

    /// <summary>The enforce context a matcher <c>mN</c> uses: <c>rN</c>, <c>pN</c>, <c>eN</c> where defined, else <c>r</c>, <c>p</c>, <c>e</c>.</summary>
    public static EnforceContext ContextFor(PolicyModel model, string matcherKey)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(matcherKey);
        var suffix = matcherKey[1..];
        string Pick(string prefix, System.Collections.IEnumerable keys) =>
            keys.Cast<string>().Contains(prefix + suffix) ? prefix + suffix : prefix;
        return new EnforceContext(Pick("r", model.RequestDefinitions.Keys), Pick("p", model.PolicyDefinitions.Keys), Pick("e", model.Effects.Keys), matcherKey);
    }

    private static void CheckModel(PolicyModel model, EnforcerOptions? options, List<PolicyDiagnostic> diagnostics)
    {
        foreach (var effect in model.Effects.Values.Where(e => !EffectParser.TryParse(e.Value, out _)))
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, model.Source, effect.Line, effect.ValueColumn, $"unsupported effect '{effect.Value}'"));
        }

        Enforcer enforcer;
        try
        {
            enforcer = new Enforcer(model, [], options);
        }
        catch (ArgumentException ex)
        {
            diagnostics.Add(new(DiagnosticSeverity.Error, model.Source, 0, 0, ex.Message));
            return;
        }

        foreach (var matcher in model.Matchers.Values)
        {
            try
            {
                enforcer.Compile(ContextFor(model, matcher.Key));
            }
            catch (MatcherSyntaxException ex)
            {
                diagnostics.Add(new(DiagnosticSeverity.Error, model.Source, matcher.Line, matcher.ValueColumn + ex.Position, ex.Problem));
            }
        }
    }

    private static void CheckRules(PolicyModel model, IReadOnlyList<PolicyRule> rules, string source, List<PolicyDiagnostic> diagnostics)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (model.PolicyDefinitions.TryGetValue(rule.Type, out var tokens))
            {
                if (rule.Values.Count != tokens.Count)
                {
                    diagnostics.Add(new(DiagnosticSeverity.Error, source, rule.Line, 1, $"'{rule.Type}' rule has {rule.Values.Count} values; the model defines {tokens.Count} ({string.Join(", ", tokens)})"));
                }
            }
            else if (model.RoleDefinitions.TryGetValue(rule.Type, out var role))
            {
                if (rule.Values.Count < role.Arity)
                {
                    diagnostics.Add(new(DiagnosticSeverity.Error, source, rule.Line, 1, $"'{rule.Type}' rule has {rule.Values.Count} values; the model needs {role.Arity}"));
                }
            }
            else
            {
                diagnostics.Add(new(DiagnosticSeverity.Warning, source, rule.Line, 1, $"type '{rule.Type}' is not defined in the model; Casbin ignores this line"));
                continue;
            }

            var key = rule.Type + "\u001F" + string.Join('\u001F', rule.Values);
            if (seen.TryGetValue(key, out var first))
            {
                diagnostics.Add(new(DiagnosticSeverity.Warning, source, rule.Line, 1, $"duplicate of line {first}; Casbin ignores it"));
            }
            else
            {
                seen[key] = rule.Line;
            }
        }
    }

    private static void CheckFieldRules(PolicyModel model, IReadOnlyList<PolicyRule> rules, string source, FieldCatalog? catalog, List<PolicyDiagnostic> diagnostics)
    {
        foreach (var (type, tokens) in model.PolicyDefinitions)
        {
            var list = tokens.ToList();
            var obj = list.IndexOf("obj");
            if (obj < 0)
            {
                continue;
            }

            var typed = rules.Where(r => r.Type == type && r.Values.Count == tokens.Count).ToList();
            if (catalog is { Paths.Count: > 0 })
            {
                foreach (var rule in typed)
                {
                    var path = rule.Values[obj];
                    var known = path.Contains('*', StringComparison.Ordinal)
                        ? catalog.Paths.Any(p => BuiltInFunctions.KeyMatch(p, path))
                        : catalog.Contains(path);
                    if (!known)
                    {
                        diagnostics.Add(new(DiagnosticSeverity.Warning, source, rule.Line, 1, $"'{path}' is not a field of the catalog{(path.Contains('*', StringComparison.Ordinal) ? " (the pattern matches none)" : string.Empty)}"));
                    }
                }
            }

            CheckShadowing(list, typed, obj, source, diagnostics);
        }
    }

    private static void CheckShadowing(List<string> tokens, List<PolicyRule> rules, int obj, string source, List<PolicyDiagnostic> diagnostics)
    {
        // Columns that must agree for one rule to cover another: everything but the object and free-text columns.
        // A broader rule shadows a narrower one only when it comes first: the first matching allow is the one an
        // explanation cites, so a specific rule placed before a wildcard (to cite its own legal basis) is not redundant.
        var eft = tokens.IndexOf("eft");
        var same = Enumerable.Range(0, tokens.Count).Where(i => i != obj && i != eft && tokens[i] is not ("basis" or "legal_basis" or "note" or "priority")).ToArray();
        // Only rules agreeing on every other column can cover each other: compare within those groups (policies with
        // a hundred thousand lines stay quick).
        foreach (var group in rules.GroupBy(r => string.Join('\u001F', same.Select(i => r.Values[i])), StringComparer.Ordinal))
        {
            var members = group.ToList();
            foreach (var rule in members)
            {
                foreach (var other in members)
                {
                    if (ReferenceEquals(rule, other))
                    {
                        continue;
                    }

                    var covered = other.Values[obj] != rule.Values[obj] && other.Values[obj].Contains('*', StringComparison.Ordinal) && BuiltInFunctions.KeyMatch(rule.Values[obj], other.Values[obj]);
                    var ruleEffect = eft < 0 ? "allow" : rule.Values[eft];
                    var otherEffect = eft < 0 ? "allow" : other.Values[eft];
                    if (covered && ruleEffect == otherEffect && other.Line < rule.Line)
                    {
                        diagnostics.Add(new(DiagnosticSeverity.Warning, source, rule.Line, 1, $"shadowed: line {other.Line} ('{other.Values[obj]}') already {otherEffect}s '{rule.Values[obj]}'"));
                        break;
                    }

                    if ((covered || other.Values[obj] == rule.Values[obj]) && ruleEffect == "allow" && otherEffect == "deny")
                    {
                        diagnostics.Add(new(DiagnosticSeverity.Warning, source, rule.Line, 1, $"shadowed: never allows, line {other.Line} denies '{other.Values[obj]}' and deny overrides"));
                        break;
                    }
                }
            }
        }
    }

    private static void CheckRoles(PolicyModel model, IReadOnlyList<PolicyRule> rules, string source, List<PolicyDiagnostic> diagnostics)
    {
        if (!model.RoleDefinitions.ContainsKey("g"))
        {
            return;
        }

        var held = rules.Where(r => r.Type == "g" && r.Values.Count >= 2).Select(r => r.Values[1]).ToHashSet(StringComparer.Ordinal);
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules.Where(r => model.PolicyDefinitions.ContainsKey(r.Type) && r.Values.Count > 0))
        {
            var subject = rule.Values[0];
            if (subject.StartsWith("role:", StringComparison.Ordinal) && !held.Contains(subject) && reported.Add(subject))
            {
                diagnostics.Add(new(DiagnosticSeverity.Warning, source, rule.Line, 1, $"role '{subject}' has no members: no 'g' line gives it to anyone"));
            }
        }
    }
}
