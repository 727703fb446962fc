using System.Collections.Concurrent;
using Hub.Policy.Effects;
using Hub.Policy.Indexing;
using Hub.Policy.Matchers;
using Hub.Policy.Model;
using Hub.Policy.Persistence;
using Hub.Policy.Roles;

namespace Hub.Policy.Enforcement;

/// <summary>
/// Decides access requests the way Casbin (Go reference implementation) does, from a <see cref="PolicyModel"/> and
/// policy rules. Matchers are compiled once per enforce context; rules are indexed by the values the matcher compares
/// with <c>==</c> and by role, so a decision does not scan every rule. Thread-safe: decisions read an immutable
/// snapshot; changes build a new one and swap it in.
/// </summary>
public sealed class Enforcer
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<string[]>> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _ruleKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<EnforceContext, DecisionPlan> _plans = new();
    private readonly string[] _roleTypes;
    private readonly Func<string, string, bool>?[] _matching;
    private readonly Func<string, string, bool>?[] _domainMatching;
    private volatile PolicyStore _store;

    /// <summary>Creates an enforcer over <paramref name="model"/> with <paramref name="rules"/> (those passing <paramref name="filter"/>, when given).</summary>
    public Enforcer(PolicyModel model, IEnumerable<PolicyRule>? rules = null, EnforcerOptions? options = null, PolicyFilter? filter = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
        Options = options ?? new EnforcerOptions();
        _roleTypes = [.. model.RoleDefinitions.Keys];
        (_matching, _domainMatching) = ResolveMatchingFunctions(model, Options, _roleTypes);
        foreach (var type in model.PolicyDefinitions.Keys.Concat(_roleTypes))
        {
            _rules[type] = [];
            _ruleKeys[type] = new HashSet<string>(StringComparer.Ordinal);
        }

        foreach (var rule in rules ?? [])
        {
            if (filter is null || filter.Matches(rule))
            {
                AddCore(rule.Type, rule.Values);
            }
        }

        _store = Build();
    }

    /// <summary>The model.</summary>
    public PolicyModel Model { get; }

    /// <summary>The options the enforcer was created with.</summary>
    public EnforcerOptions Options { get; }

    /// <summary>Creates an enforcer from a model file and a policy CSV file.</summary>
    public static Enforcer FromFiles(string modelPath, string policyPath, EnforcerOptions? options = null) =>
        new(PolicyModel.Load(modelPath), PolicyCsvReader.Load(policyPath), options);

    /// <summary>Whether <paramref name="request"/> (values in the order of <c>r</c>) is allowed.</summary>
    public bool Enforce(params object?[] request) => Decide(EnforceContext.Default, request).Allowed;

    /// <summary>The decision and the rule that made it.</summary>
    public EnforceResult EnforceEx(params object?[] request) => Decide(EnforceContext.Default, request);

    /// <summary>The decision in another enforce context (e.g. <c>r2</c>, <c>p2</c>, <c>e2</c>, <c>m2</c>).</summary>
    public EnforceResult EnforceEx(EnforceContext context, params object?[] request) => Decide(context, request);

    /// <summary>Decides many requests against one policy snapshot.</summary>
    public IReadOnlyList<bool> BatchEnforce(IEnumerable<object?[]> requests)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var store = _store;
        return requests.Select(r => Decide(EnforceContext.Default, r, store).Allowed).ToList();
    }

    /// <summary>Compiles the matcher of <paramref name="context"/> now, throwing <see cref="MatcherSyntaxException"/> if it cannot be.</summary>
    public void Compile(EnforceContext context) => Plan(context);

    /// <summary>The rules of a policy or role type, in decision order.</summary>
    public IReadOnlyList<IReadOnlyList<string>> GetPolicy(string type = "p") => _store.Rows(type);

    /// <summary>The rules of a role type.</summary>
    public IReadOnlyList<IReadOnlyList<string>> GetGroupingPolicy(string type = "g") => _store.Rows(type);

    /// <summary>Adds a <c>p</c> rule; false when it already exists.</summary>
    public bool AddPolicy(params string[] values) => AddNamedPolicy("p", values);

    /// <summary>Adds a <c>g</c> rule; false when it already exists.</summary>
    public bool AddGroupingPolicy(params string[] values) => AddNamedPolicy("g", values);

    /// <summary>Adds a rule of <paramref name="type"/>; false when it already exists.</summary>
    public bool AddNamedPolicy(string type, IReadOnlyList<string> values) => AddPolicies([new PolicyRule(type, values)]) == 1;

    /// <summary>Adds rules in one change (one new snapshot); returns how many were new.</summary>
    public int AddPolicies(IEnumerable<PolicyRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        lock (_gate)
        {
            var added = rules.Count(r => AddCore(r.Type, r.Values));
            Publish(added > 0);
            return added;
        }
    }

    /// <summary>Removes a <c>p</c> rule; false when absent.</summary>
    public bool RemovePolicy(params string[] values) => RemoveNamedPolicy("p", values);

    /// <summary>Removes a <c>g</c> rule; false when absent.</summary>
    public bool RemoveGroupingPolicy(params string[] values) => RemoveNamedPolicy("g", values);

    /// <summary>Removes a rule of <paramref name="type"/>; false when absent.</summary>
    public bool RemoveNamedPolicy(string type, IReadOnlyList<string> values) => RemovePolicies([new PolicyRule(type, values)]) == 1;

    /// <summary>Removes rules in one change; returns how many existed.</summary>
    public int RemovePolicies(IEnumerable<PolicyRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        lock (_gate)
        {
            var removed = rules.Count(r => RemoveCore(r.Type, r.Values));
            Publish(removed > 0);
            return removed;
        }
    }

    /// <summary>Removes the rules of <paramref name="type"/> whose values from <paramref name="fieldIndex"/> on equal <paramref name="values"/> (empty matches any).</summary>
    public int RemoveFilteredPolicy(string type, int fieldIndex, params string[] values)
    {
        lock (_gate)
        {
            if (!_rules.TryGetValue(type, out var list))
            {
                return 0;
            }

            var doomed = list.Where(row => values.Select((v, i) => v.Length == 0 || (fieldIndex + i < row.Length && row[fieldIndex + i] == v)).All(ok => ok)).ToList();
            foreach (var row in doomed)
            {
                RemoveCore(type, row);
            }

            Publish(doomed.Count > 0);
            return doomed.Count;
        }
    }

    /// <summary>Replaces one rule by another in place (same position); false when the old rule is absent or the new one exists.</summary>
    public bool UpdatePolicy(string type, IReadOnlyList<string> oldValues, IReadOnlyList<string> newValues)
    {
        ArgumentNullException.ThrowIfNull(oldValues);
        ArgumentNullException.ThrowIfNull(newValues);
        lock (_gate)
        {
            if (!_rules.TryGetValue(type, out var list) || !_ruleKeys[type].Contains(Key(oldValues)) || _ruleKeys[type].Contains(Key(newValues)))
            {
                return false;
            }

            var position = list.FindIndex(r => r.SequenceEqual(oldValues));
            list[position] = [.. newValues];
            _ruleKeys[type].Remove(Key(oldValues));
            _ruleKeys[type].Add(Key(newValues));
            Publish(true);
            return true;
        }
    }

    /// <summary>Replaces every rule at once (a reload); decisions switch to the new rules atomically.</summary>
    public void ReplacePolicy(IEnumerable<PolicyRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        lock (_gate)
        {
            foreach (var type in _rules.Keys)
            {
                _rules[type].Clear();
                _ruleKeys[type].Clear();
            }

            foreach (var rule in rules)
            {
                AddCore(rule.Type, rule.Values);
            }

            Publish(true);
        }
    }

    /// <summary>Roles <paramref name="name"/> holds directly, in <paramref name="domain"/> ("" without domains).</summary>
    public IReadOnlyList<string> GetRolesForUser(string name, string domain = "", string roleType = "g") =>
        Graph(roleType).DirectRoles(name, domain);

    /// <summary>Names holding <paramref name="role"/> directly.</summary>
    public IReadOnlyList<string> GetUsersForRole(string role, string domain = "", string roleType = "g") => Graph(roleType).DirectMembers(role, domain);

    /// <summary>Every role <paramref name="name"/> holds through the hierarchy, breadth first.</summary>
    public IReadOnlyList<string> GetImplicitRolesForUser(string name, string domain = "", string roleType = "g") => Graph(roleType).ImplicitRoles(name, domain);

    /// <summary>
    /// The <c>p</c> rules that apply to <paramref name="user"/> through its roles. With a domain, rules whose domain
    /// matches it (through the domain matching function, as Go does) are returned with the domain rewritten to it.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>> GetImplicitPermissionsForUser(string user, string? domain = null, string policyType = "p", string roleType = "g")
    {
        var graph = Graph(roleType);
        var domainIndex = Model.PolicyDefinitions.TryGetValue(policyType, out var tokens) ? tokens.ToList().IndexOf("dom") : -1;
        var result = new List<IReadOnlyList<string>>();
        foreach (var rule in _store.Rows(policyType))
        {
            if (domain is null)
            {
                if (graph.HasLink(user, rule[0], string.Empty))
                {
                    result.Add(rule);
                }

                continue;
            }

            if (domainIndex < 0 || !(rule[domainIndex] == domain || (graph.DomainMatching?.Invoke(domain, rule[domainIndex]) ?? false)) || !graph.HasLink(user, rule[0], domain))
            {
                continue;
            }

            var copy = rule.ToArray();
            copy[domainIndex] = domain;
            result.Add(copy);
        }

        return result;
    }

    internal PolicyStore Snapshot => _store;

    internal DecisionPlan Plan(EnforceContext context) => _plans.GetOrAdd(context, CreatePlan);

    internal EnforceResult Decide(EnforceContext context, object?[] raw) => Decide(context, raw, _store);

    private EnforceResult Decide(EnforceContext context, object?[] raw, PolicyStore store)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var plan = Plan(context);
        var request = RequestValues.Prepare(raw, Options.AcceptJsonRequest);
        if (request.Length != plan.RequestArity)
        {
            throw new ArgumentException($"invalid request size: expected {plan.RequestArity}, got {request.Length}");
        }

        var rows = store.Rows(context.PolicyType);
        var frame = new EvaluationFrame(request, store.Roles);
        if (!plan.Matcher.ReadsPolicy || rows.Count == 0)
        {
            if (plan.Matcher.HasEval && rows.Count == 0)
            {
                throw new MatcherEvaluationException("please make sure rule exists in policy when using eval() in matcher");
            }

            frame.Policy = Enumerable.Repeat(string.Empty, plan.PolicyArity).ToArray();
            var matched = MatcherValues.Truth(plan.Matcher.Evaluate(frame));

            // Go evaluates once and merges a single pseudo-rule that always "matches" with effect allow/indeterminate.
            var (allowed, reason) = plan.Effect == EffectKind.DenyOverride ? (true, -1) : matched ? (true, 0) : (false, -1);
            return new EnforceResult(allowed, reason >= 0 && reason < rows.Count ? rows[reason] : []);
        }

        if (store.HasBadRows(context.PolicyType, plan.PolicyArity))
        {
            throw new MatcherEvaluationException($"invalid policy size: some '{context.PolicyType}' rule does not have {plan.PolicyArity} values");
        }

        var candidates = plan.Index is null ? null : store.Index(plan).Candidates(request, store.Roles);
        var merger = new EffectMerger(plan.Effect);
        var count = candidates?.Length ?? rows.Count;
        for (var k = 0; k < count; k++)
        {
            var index = candidates is null ? k : candidates[k];
            var row = rows[index];
            frame.Policy = row;
            if (!MatcherValues.Truth(plan.Matcher.Evaluate(frame)))
            {
                continue;
            }

            var effect = plan.EffectIndex < 0 ? RuleEffect.Allow : row[plan.EffectIndex] switch
            {
                "allow" => RuleEffect.Allow,
                "deny" => RuleEffect.Deny,
                _ => RuleEffect.Indeterminate,
            };
            if (merger.Add(index, effect, out var allowed, out var reason))
            {
                return new EnforceResult(allowed, reason >= 0 ? rows[reason] : []);
            }
        }

        var (finalAllowed, finalReason) = merger.Finish();
        return new EnforceResult(finalAllowed, finalReason >= 0 ? rows[finalReason] : []);
    }

    private DecisionPlan CreatePlan(EnforceContext context)
    {
        if (!Model.RequestDefinitions.TryGetValue(context.RequestType, out var requestTokens)
            || !Model.PolicyDefinitions.TryGetValue(context.PolicyType, out var policyTokens)
            || !Model.Effects.TryGetValue(context.EffectType, out var effect)
            || !Model.Matchers.TryGetValue(context.MatcherType, out var matcher))
        {
            throw new ArgumentException($"the model has no '{context.RequestType}', '{context.PolicyType}', '{context.EffectType}' and '{context.MatcherType}' together", nameof(context));
        }

        if (!EffectParser.TryParse(effect.Value, out var kind))
        {
            throw new MatcherSyntaxException(effect.Value, 0, "unsupported effect");
        }

        var scope = new MatcherScope(context.RequestType, requestTokens, context.PolicyType, policyTokens, _roleTypes);
        var compiled = MatcherCompiler.Compile(matcher.Value, scope, Options.Functions);
        var index = IndexPlan.Create(compiled, type => _matching[type] is not null);
        return new DecisionPlan(context, compiled, kind, policyTokens.ToList().IndexOf("eft"), requestTokens.Count, policyTokens.Count, index);
    }

    private bool AddCore(string type, IReadOnlyList<string> values)
    {
        if (!_rules.TryGetValue(type, out var list) || !_ruleKeys[type].Add(Key(values)))
        {
            return false; // unknown types are ignored, duplicates skipped, as Casbin's adapters do
        }

        list.Add([.. values]);
        return true;
    }

    private bool RemoveCore(string type, IReadOnlyList<string> values)
    {
        if (!_rules.TryGetValue(type, out var list) || !_ruleKeys[type].Remove(Key(values)))
        {
            return false;
        }

        list.RemoveAt(list.FindIndex(r => r.SequenceEqual(values)));
        return true;
    }

    private void Publish(bool changed)
    {
        if (changed)
        {
            _store = Build();
        }
    }

    private PolicyStore Build()
    {
        var rows = new Dictionary<string, IReadOnlyList<string[]>>(StringComparer.Ordinal);
        var subjectPriority = Model.Effects.TryGetValue("e", out var e) && EffectParser.TryParse(e.Value, out var kind) && kind == EffectKind.SubjectPriority;
        var grouping = _rules.TryGetValue("g", out var g) ? g : [];
        foreach (var (type, list) in _rules)
        {
            var ordered = list;
            if (Model.PolicyDefinitions.TryGetValue(type, out var tokens))
            {
                var priority = tokens.ToList().IndexOf("priority");
                if (priority >= 0)
                {
                    ordered = RuleOrdering.ByPriority(ordered, priority);
                }

                if (subjectPriority)
                {
                    ordered = RuleOrdering.BySubjectHierarchy(ordered, grouping, tokens.ToList().IndexOf("dom"));
                }
            }

            rows[type] = ordered.ToArray();
        }

        var graphs = _roleTypes.Select((type, i) => new RoleGraph(Model.RoleDefinitions[type], rows[type], _matching[i], _domainMatching[i], Options.MaxHierarchyDepth, Options.LinkConditions.Where(c => c.RoleType == type).ToList())).ToArray();
        return new PolicyStore(rows, graphs);
    }

    private RoleGraph Graph(string roleType)
    {
        var i = Array.IndexOf(_roleTypes, roleType);
        return i >= 0 ? _store.Roles[i] : throw new ArgumentException($"the model has no role type '{roleType}'", nameof(roleType));
    }

    private static (Func<string, string, bool>?[] Matching, Func<string, string, bool>?[] Domain) ResolveMatchingFunctions(PolicyModel model, EnforcerOptions options, string[] roleTypes)
    {
        var problems = new List<string>();
        var matching = new Func<string, string, bool>?[roleTypes.Length];
        var domain = new Func<string, string, bool>?[roleTypes.Length];
        foreach (var name in options.MatchingFunctions.Keys.Concat(options.DomainMatchingFunctions.Keys).Where(n => !roleTypes.Contains(n)).Distinct())
        {
            problems.Add($"role type '{name}' is not defined in the model");
        }

        var autoKeyMatch = model.Matchers.TryGetValue("m", out var m) && MatcherText.Escape(m.Value).Contains("keyMatch(r_dom, p_dom)", StringComparison.Ordinal);
        for (var i = 0; i < roleTypes.Length; i++)
        {
            matching[i] = Resolve(options.MatchingFunctions, roleTypes[i], options, problems);
            domain[i] = Resolve(options.DomainMatchingFunctions, roleTypes[i], options, problems);
            if (domain[i] is null && autoKeyMatch && model.RoleDefinitions[roleTypes[i]].HasDomain)
            {
                domain[i] = Functions.BuiltInFunctions.KeyMatch;
            }
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException("invalid enforcer options: " + string.Join("; ", problems), nameof(options));
        }

        return (matching, domain);
    }

    private static Func<string, string, bool>? Resolve(IDictionary<string, string> names, string roleType, EnforcerOptions options, List<string> problems)
    {
        if (!names.TryGetValue(roleType, out var name))
        {
            return null;
        }

        if (options.Functions.TryGet(name, out var fn) && fn.StringPredicate is not null)
        {
            return fn.StringPredicate;
        }

        problems.Add($"'{name}' (for '{roleType}') is not a two-string pattern function");
        return null;
    }

    private static string Key(IReadOnlyList<string> values) => string.Join('\u001F', values);
}
