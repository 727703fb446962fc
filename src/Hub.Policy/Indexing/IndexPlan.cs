using Hub.Policy.Matchers;
using Hub.Policy.Matchers.Syntax;

namespace Hub.Policy.Indexing;

/// <summary>
/// Which policy columns can narrow the rules a request must be checked against. Found from the matcher's
/// top-level conjunction: <c>r.x == p.y</c> terms (the rule must hold the request's value) and one
/// <c>g(r.sub, p.sub[, r.dom])</c> term without name patterns (the rule's subject must be a role the requester
/// reaches). A rule outside the candidates makes one conjunct false, so the matcher is false for it: skipping it
/// changes no decision.
/// </summary>
internal sealed record IndexPlan(IReadOnlyList<(int RequestIndex, int PolicyIndex)> Equalities, RoleTerm? Role)
{
    public static IndexPlan? Create(CompiledMatcher matcher, Func<int, bool> roleTypeHasPatterns)
    {
        var scope = matcher.Scope;
        var equalities = new List<(int, int)>();
        RoleTerm? role = null;
        foreach (var term in Conjuncts(matcher.Syntax))
        {
            if (term is BinaryNode { Operator: "==" } eq && Plain(scope, eq.Left, out var lr, out var li) && Plain(scope, eq.Right, out var rr, out var ri) && lr != rr)
            {
                var pair = lr ? (li, ri) : (ri, li);
                if (!equalities.Contains(pair))
                {
                    equalities.Add(pair);
                }
            }
            else if (role is null && term is CallNode call && scope.RoleTypes.Contains(call.Name) && call.Arguments.Count is 2 or 3)
            {
                var type = scope.RoleTypes.ToList().IndexOf(call.Name);
                var domain = -1;
                if (!roleTypeHasPatterns(type)
                    && Plain(scope, call.Arguments[0], out var nameIsRequest, out var nameIndex) && nameIsRequest
                    && Plain(scope, call.Arguments[1], out var roleIsRequest, out var roleIndex) && !roleIsRequest
                    && (call.Arguments.Count == 2 || (Plain(scope, call.Arguments[2], out var domainIsRequest, out domain) && domainIsRequest)))
                {
                    role = new RoleTerm(type, nameIndex, roleIndex, domain);
                }
            }
        }

        return equalities.Count == 0 && role is null ? null : new IndexPlan(equalities, role);
    }

    private static IEnumerable<MatcherNode> Conjuncts(MatcherNode node) =>
        node is BinaryNode { Operator: "&&" } and ? Conjuncts(and.Left).Concat(Conjuncts(and.Right)) : [node];

    private static bool Plain(MatcherScope scope, MatcherNode node, out bool isRequest, out int index)
    {
        isRequest = false;
        index = -1;
        return node is IdentifierNode id && scope.TryResolve(id.Segments, out isRequest, out index, out var attributes) && attributes.Count == 0;
    }
}
