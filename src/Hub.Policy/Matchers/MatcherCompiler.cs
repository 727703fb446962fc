using System.Collections.Concurrent;
using Hub.Policy.Functions;
using Hub.Policy.Matchers.Syntax;

namespace Hub.Policy.Matchers;

/// <summary>
/// Compiles a parsed matcher into nested delegates once, so deciding a request runs no parser and no tree walk
/// over syntax: names are resolved to array indexes, functions to delegates, and common shapes
/// (<c>r.x == p.y</c>, two-string predicates) to specialised closures.
/// </summary>
internal sealed class MatcherCompiler
{
    private readonly MatcherScope _scope;
    private readonly FunctionRegistry _functions;
    private readonly string _text;
    private readonly ConcurrentDictionary<string, Func<EvaluationFrame, object?>> _evalCache;

    private MatcherCompiler(MatcherScope scope, FunctionRegistry functions, string text, ConcurrentDictionary<string, Func<EvaluationFrame, object?>> evalCache)
    {
        _scope = scope;
        _functions = functions;
        _text = text;
        _evalCache = evalCache;
    }

    public static CompiledMatcher Compile(string text, MatcherScope scope, FunctionRegistry functions)
    {
        var syntax = MatcherParser.Parse(text);
        var compiler = new MatcherCompiler(scope, functions, text, new ConcurrentDictionary<string, Func<EvaluationFrame, object?>>(StringComparer.Ordinal));
        var evaluate = compiler.Value(syntax);
        var escaped = MatcherText.Escape(text);
        return new CompiledMatcher(text, syntax, evaluate, scope, escaped.Contains(scope.PolicyType + "_", StringComparison.Ordinal), ContainsEval(syntax));
    }

    private static bool ContainsEval(MatcherNode node) => node switch
    {
        CallNode call => call.Name == "eval" || call.Arguments.Any(ContainsEval),
        BinaryNode b => ContainsEval(b.Left) || ContainsEval(b.Right),
        UnaryNode u => ContainsEval(u.Operand),
        ArrayNode a => a.Items.Any(ContainsEval),
        ConditionalNode c => ContainsEval(c.Condition) || ContainsEval(c.Then) || ContainsEval(c.Otherwise),
        _ => false,
    };

    private Func<EvaluationFrame, object?> Value(MatcherNode node)
    {
        switch (node)
        {
            case LiteralNode literal:
                var constant = literal.Value;
                return _ => constant;
            case IdentifierNode identifier:
                return Identifier(identifier);
            case ArrayNode array:
                var items = array.Items.Select(Value).ToArray();
                return f =>
                {
                    var values = new object?[items.Length];
                    for (var i = 0; i < items.Length; i++)
                    {
                        values[i] = items[i](f);
                    }

                    return values;
                };
            case ConditionalNode conditional:
                var condition = Bool(conditional.Condition, "?");
                var then = Value(conditional.Then);
                var otherwise = Value(conditional.Otherwise);
                return f => condition(f) ? then(f) : otherwise(f);
            case UnaryNode { Operator: "-" } negate:
                var operand = Value(negate.Operand);
                return f => -MatcherValues.Number(operand(f), "-");
            case BinaryNode { Operator: "+" or "-" or "*" or "/" or "%" } arithmetic:
                return Arithmetic(arithmetic);
            case CallNode call when !IsPredicateCall(call):
                return Call(call);
            default:
                var predicate = Bool(node, "?");
                return f => MatcherValues.Box(predicate(f));
        }
    }

    private bool IsPredicateCall(CallNode call) =>
        _scope.RoleTypes.Contains(call.Name) || (call.Arguments.Count == 2 && _functions.TryGet(call.Name, out var fn) && fn.StringPredicate is not null);

    private Func<EvaluationFrame, bool> Bool(MatcherNode node, string op)
    {
        switch (node)
        {
            case LiteralNode { Value: bool b }:
                return _ => b;
            case BinaryNode { Operator: "&&" } and:
                var al = Bool(and.Left, "&&");
                var ar = Bool(and.Right, "&&");
                return f => al(f) && ar(f);
            case BinaryNode { Operator: "||" } or:
                var ol = Bool(or.Left, "||");
                var or2 = Bool(or.Right, "||");
                return f => ol(f) || or2(f);
            case UnaryNode { Operator: "!" } not:
                var inner = Bool(not.Operand, "!");
                return f => !inner(f);
            case BinaryNode { Operator: "==" or "!=" } equality:
                var eq = Equality(equality);
                return equality.Operator == "==" ? eq : f => !eq(f);
            case BinaryNode { Operator: "<" or "<=" or ">" or ">=" } comparison:
                return Comparison(comparison);
            case BinaryNode { Operator: "in" } membership:
                var item = Value(membership.Left);
                var list = Value(membership.Right);
                return f => MatcherValues.In(item(f), list(f));
            case BinaryNode { Operator: "=~" or "!~" } regex:
                var text = Value(regex.Left);
                var pattern = Value(regex.Right);
                var negated = regex.Operator == "!~";
                return f =>
                {
                    if (text(f) is not string s || pattern(f) is not string p)
                    {
                        throw new MatcherEvaluationException($"operator '{regex.Operator}' needs two strings");
                    }

                    return BuiltInFunctions.RegexMatch(s, p) != negated;
                };
            case CallNode call when _scope.RoleTypes.Contains(call.Name):
                return RoleCall(call);
            case CallNode call when _functions.TryGet(call.Name, out var fn) && fn.StringPredicate is not null && call.Arguments.Count == 2:
                var predicate = fn.StringPredicate;
                var a0 = Value(call.Arguments[0]);
                var a1 = Value(call.Arguments[1]);
                var name = call.Name;
                return f => predicate(
                    a0(f) as string ?? throw new MatcherEvaluationException($"{name}: argument 1 must be a string"),
                    a1(f) as string ?? throw new MatcherEvaluationException($"{name}: argument 2 must be a string"));
            default:
                var value = Value(node);
                return f => MatcherValues.Boolean(value(f), op);
        }
    }

    private Func<EvaluationFrame, bool> Equality(BinaryNode node)
    {
        // The shape of nearly every matcher: a request value against a policy value, both plain tokens.
        if (TryPlain(node.Left, out var lr, out var li) && TryPlain(node.Right, out var rr, out var ri) && lr != rr)
        {
            var requestIndex = lr ? li : ri;
            var policyIndex = lr ? ri : li;
            return f => f.Request[requestIndex] is string s && string.Equals(s, f.Policy[policyIndex], StringComparison.Ordinal);
        }

        var left = Value(node.Left);
        var right = Value(node.Right);
        return f => MatcherValues.Equals(left(f), right(f));
    }

    private bool TryPlain(MatcherNode node, out bool isRequest, out int index)
    {
        isRequest = false;
        index = -1;
        return node is IdentifierNode id && _scope.TryResolve(id.Segments, out isRequest, out index, out var attributes) && attributes.Count == 0;
    }

    private Func<EvaluationFrame, bool> Comparison(BinaryNode node)
    {
        var left = Value(node.Left);
        var right = Value(node.Right);
        var op = node.Operator;
        return op switch
        {
            "<" => f => MatcherValues.Compare(left(f), right(f), op) < 0,
            "<=" => f => MatcherValues.Compare(left(f), right(f), op) <= 0,
            ">" => f => MatcherValues.Compare(left(f), right(f), op) > 0,
            _ => f => MatcherValues.Compare(left(f), right(f), op) >= 0,
        };
    }

    private Func<EvaluationFrame, object?> Arithmetic(BinaryNode node)
    {
        var left = Value(node.Left);
        var right = Value(node.Right);
        var op = node.Operator;
        return op switch
        {
            "+" => f => MatcherValues.Add(left(f), right(f)),
            "-" => f => MatcherValues.Number(left(f), op) - MatcherValues.Number(right(f), op),
            "*" => f => MatcherValues.Number(left(f), op) * MatcherValues.Number(right(f), op),
            "/" => f => MatcherValues.Number(left(f), op) / MatcherValues.Number(right(f), op),
            _ => f => MatcherValues.Number(left(f), op) % MatcherValues.Number(right(f), op), // Go math.Mod: sign of the dividend, as C# %.
        };
    }

    private Func<EvaluationFrame, object?> Identifier(IdentifierNode node)
    {
        if (!_scope.TryResolve(node.Segments, out var isRequest, out var index, out var attributes))
        {
            throw new MatcherSyntaxException(_text, node.Position, $"unknown name '{node.Text}' (request '{_scope.RequestType}' has {string.Join(", ", _scope.RequestTokens)}; policy '{_scope.PolicyType}' has {string.Join(", ", _scope.PolicyTokens)})");
        }

        Func<EvaluationFrame, object?> read = isRequest ? f => f.Request[index] : f => f.Policy[index];
        foreach (var attribute in attributes)
        {
            var previous = read;
            var name = attribute;
            read = f => MatcherValues.Attribute(previous(f), name);
        }

        return read;
    }

    private Func<EvaluationFrame, bool> RoleCall(CallNode call)
    {
        var roleIndex = _scope.RoleTypes.ToList().IndexOf(call.Name);
        if (call.Arguments.Count < 2)
        {
            throw new MatcherSyntaxException(_text, call.Position, $"{call.Name}() needs at least two arguments");
        }

        var name = Value(call.Arguments[0]);
        var role = Value(call.Arguments[1]);
        var domain = call.Arguments.Count > 2 ? Value(call.Arguments[2]) : null;
        var fn = call.Name;
        return f =>
        {
            var n = name(f) as string ?? throw new MatcherEvaluationException($"{fn}: argument 1 must be a string");
            var r = role(f) as string ?? throw new MatcherEvaluationException($"{fn}: argument 2 must be a string");
            var d = domain is null ? string.Empty : domain(f) as string ?? throw new MatcherEvaluationException($"{fn}: argument 3 must be a string");
            return f.Roles[roleIndex].HasLink(n, r, d);
        };
    }

    private Func<EvaluationFrame, object?> Call(CallNode call)
    {
        if (call.Name == "eval")
        {
            if (call.Arguments.Count != 1)
            {
                throw new MatcherSyntaxException(_text, call.Position, "eval() takes one argument");
            }

            var rule = Value(call.Arguments[0]);
            return f =>
            {
                var text = rule(f) as string ?? throw new MatcherEvaluationException("eval: argument must be a string");
                return EvalRule(text)(f);
            };
        }

        if (!_functions.TryGet(call.Name, out var function))
        {
            throw new MatcherSyntaxException(_text, call.Position, $"unknown function '{call.Name}'");
        }

        var args = call.Arguments.Select(Value).ToArray();
        var invoke = function.Invoke;
        return f =>
        {
            var values = new object?[args.Length];
            for (var i = 0; i < args.Length; i++)
            {
                values[i] = args[i](f);
            }

            return MatcherValues.Normalize(invoke(values));
        };
    }

    /// <summary>A policy-held rule for <c>eval()</c>, compiled on first use and cached by its text.</summary>
    private Func<EvaluationFrame, object?> EvalRule(string text) =>
        _evalCache.GetOrAdd(text, t =>
        {
            var inner = new MatcherCompiler(_scope, _functions, t, _evalCache);
            return inner.Value(MatcherParser.Parse(t));
        });
}
