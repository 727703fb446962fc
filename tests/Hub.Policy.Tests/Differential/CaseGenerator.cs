using System.Text;

namespace Hub.Policy.Tests.Differential;

/// <summary>
/// Generates policies and requests for the differential tests, seeded so failures reproduce. The shapes avoid the
/// corners where node-casbin differs from Go (see ../shared/casbin-examples/README.md): no <c>in</c> next to
/// <c>||</c>, domain matching registered explicitly, no patterns in the second argument of <c>g()</c>, no
/// <c>keyGet3</c>/<c>globMatch</c>, ABAC values passed as objects rather than JSON text, and explanations not compared
/// for <c>some(allow) &amp;&amp; !some(deny)</c>.
/// </summary>
internal sealed class CaseGenerator(int seed)
{
    private const string AllowOverride = "some(where (p.eft == allow))";
    private const string DenyOverride = "!some(where (p.eft == deny))";
    private const string AllowAndDeny = "some(where (p.eft == allow)) && !some(where (p.eft == deny))";
    private readonly Random _random = new(seed);

    public IEnumerable<DifferentialCase> All()
    {
        yield return Rbac("rbac allow-override", "sub, obj, act", AllowOverride, withEffect: false);
        yield return Rbac("rbac deny-override", "sub, obj, act, eft", DenyOverride, withEffect: true);
        yield return Rbac("rbac allow-and-deny", "sub, obj, act, eft", AllowAndDeny, withEffect: true);
        yield return Rbac("rbac priority (rule order)", "sub, obj, act, eft", "priority(p.eft) || deny", withEffect: true);
        yield return Rbac("rbac priority (explicit column)", "priority, sub, obj, act, eft", "priority(p.eft) || deny", withEffect: true, explicitPriority: true);
        yield return Domains("rbac with domains", domainPatterns: false);
        yield return Domains("rbac with domain patterns (keyMatch)", domainPatterns: true);
        yield return KeyMatch();
        yield return KeyMatch2Roles();
        yield return HubFields();
        yield return AbacEval();
        yield return AbacAttributes();
        yield return SubjectPriority();
        yield return PatternRoleNames();
        yield return PathFunctions();
        yield return JsonRequests();
    }

    private static string Model(string request, string policy, string? roles, string effect, string matcher)
    {
        var sb = new StringBuilder();
        sb.Append("[request_definition]\nr = ").Append(request).Append("\n\n[policy_definition]\np = ").Append(policy).Append('\n');
        if (roles is not null)
        {
            sb.Append("\n[role_definition]\ng = ").Append(roles).Append('\n');
        }

        return sb.Append("\n[policy_effect]\ne = ").Append(effect).Append("\n\n[matchers]\nm = ").Append(matcher).Append('\n').ToString();
    }

    private string Pick(params string[] values) => values[_random.Next(values.Length)];

    private string Name(string prefix, int count) => prefix + _random.Next(count);

    private string Links(int users, int roles, string? domain = null)
    {
        var sb = new StringBuilder();
        for (var u = 0; u < users; u++)
        {
            for (var k = _random.Next(3); k > 0; k--)
            {
                sb.Append("g, u").Append(u).Append(", ").Append(Name("role", roles)).Append(domain is null ? string.Empty : ", " + domain).Append('\n');
            }
        }

        for (var r = 0; r < roles; r++)
        {
            if (_random.Next(3) == 0)
            {
                sb.Append("g, role").Append(r).Append(", ").Append(Name("role", roles)).Append(domain is null ? string.Empty : ", " + domain).Append('\n');
            }
        }

        return sb.ToString();
    }

    private DifferentialCase Rbac(string name, string policyTokens, string effect, bool withEffect, bool explicitPriority = false)
    {
        var policy = new StringBuilder();
        for (var i = 0; i < 30; i++)
        {
            policy.Append("p, ");
            if (explicitPriority)
            {
                policy.Append(_random.Next(1, 6)).Append(", ");
            }

            policy.Append(_random.Next(3) == 0 ? Name("u", 20) : Name("role", 8)).Append(", ").Append(Name("d", 6)).Append(", ").Append(Pick("read", "write", "delete"));
            if (withEffect)
            {
                policy.Append(", ").Append(_random.Next(10) < 7 ? "allow" : "deny");
            }

            policy.Append('\n');
        }

        policy.Append(Links(20, 8));
        var requests = Enumerable.Range(0, 200).Select(_ => new object?[] { Name("u", 22), Name("d", 7), Pick("read", "write", "delete") }).ToList();
        return new DifferentialCase(
            $"{name} #{seed}",
            Model("sub, obj, act", policyTokens, "_, _", effect, "g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act"),
            policy.ToString(),
            null,
            requests,
            CompareExplain: effect != AllowAndDeny);
    }

    private DifferentialCase Domains(string name, bool domainPatterns)
    {
        var policy = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            var domain = domainPatterns && _random.Next(5) == 0 ? "*" : Name("t", 3);
            policy.Append("p, ").Append(_random.Next(4) == 0 ? Name("u", 15) : Name("role", 6)).Append(", ").Append(domain).Append(", ").Append(Name("d", 5)).Append(", ").Append(Pick("read", "write")).Append('\n');
        }

        for (var t = 0; t < 3; t++)
        {
            policy.Append(Links(15, 6, "t" + t));
        }

        if (domainPatterns)
        {
            policy.Append(Links(15, 6, "*"));
        }

        var matcher = domainPatterns
            ? "g(r.sub, p.sub, r.dom) && keyMatch(r.dom, p.dom) && r.obj == p.obj && r.act == p.act"
            : "g(r.sub, p.sub, r.dom) && r.dom == p.dom && r.obj == p.obj && r.act == p.act";
        var requests = Enumerable.Range(0, 200).Select(_ => new object?[] { Name("u", 16), Name("t", 4), Name("d", 6), Pick("read", "write") }).ToList();
        return new DifferentialCase(
            $"{name} #{seed}",
            Model("sub, dom, obj, act", "sub, dom, obj, act", "_, _, _", AllowOverride, matcher),
            policy.ToString(),
            domainPatterns ? new Dictionary<string, object> { ["domainMatchingFunc"] = new Dictionary<string, string> { ["g"] = "keyMatch" } } : null,
            requests,
            CompareExplain: true);
    }

    private DifferentialCase KeyMatch()
    {
        var policy = new StringBuilder();
        for (var i = 0; i < 30; i++)
        {
            var path = Pick("/a/*", "/a/b", "/a/b/*", "/*", "/c/d", "/c/*", "/a/b/c");
            policy.Append("p, ").Append(Name("u", 6)).Append(", ").Append(path).Append(", ").Append(Pick("GET", "POST", "(GET)|(POST)", "DELETE")).Append('\n');
        }

        var requests = Enumerable.Range(0, 200).Select(_ => new object?[] { Name("u", 7), Pick("/a", "/a/", "/a/b", "/a/b/c", "/a/x", "/c/d", "/c", "/e/f", "/a/b/c/d"), Pick("GET", "POST", "DELETE", "PUT") }).ToList();
        return new DifferentialCase(
            $"keyMatch and regexMatch #{seed}",
            Model("sub, obj, act", "sub, obj, act", null, AllowOverride, "r.sub == p.sub && keyMatch(r.obj, p.obj) && regexMatch(r.act, p.act)"),
            policy.ToString(),
            null,
            requests,
            CompareExplain: true);
    }

    private DifferentialCase KeyMatch2Roles()
    {
        var policy = new StringBuilder();
        for (var i = 0; i < 25; i++)
        {
            policy.Append("p, ").Append(Name("role", 5)).Append(", ").Append(Pick("/book/:id", "/book/:id/page/:p", "/pen/*", "/pen/1", "/*")).Append(", ").Append(Pick("read", "write")).Append('\n');
        }

        policy.Append(Links(12, 5));
        var requests = Enumerable.Range(0, 200).Select(_ => new object?[] { Name("u", 13), Pick("/book/1", "/book/2/page/3", "/book", "/pen/1", "/pen/2/x", "/cup/1"), Pick("read", "write") }).ToList();
        return new DifferentialCase(
            $"rbac with keyMatch2 objects #{seed}",
            Model("sub, obj, act", "sub, obj, act", "_, _", AllowOverride, "g(r.sub, p.sub) && keyMatch2(r.obj, p.obj) && r.act == p.act"),
            policy.ToString(),
            null,
            requests,
            CompareExplain: true);
    }

    private DifferentialCase HubFields()
    {
        string[] fields = ["resident.name", "resident.nameKana", "resident.birthDate", "resident.myNumber", "tax.taxableIncome", "tax.totalIncome", "nhi.insuredNumber", "household.members"];
        var policy = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            var obj = _random.Next(3) == 0 ? Pick("resident.*", "tax.*", "nhi.*", "*") : Pick(fields);
            policy.Append("p, ").Append(Name("role:r", 5)).Append(", ").Append(Name("T", 3)).Append(", ").Append(obj).Append(", ").Append(Pick("read", "extract", "lookup"))
                .Append(", ").Append(_random.Next(10) < 7 ? "allow" : "deny").Append(", 番号法第9条別表 ").Append(i).Append('\n');
        }

        for (var t = 0; t < 3; t++)
        {
            for (var u = 0; u < 10; u++)
            {
                policy.Append("g, staff").Append(u).Append(", ").Append(Name("role:r", 5)).Append(", T").Append(t).Append('\n');
            }
        }

        var requests = Enumerable.Range(0, 200).Select(_ => new object?[] { Name("staff", 11), Name("T", 4), Pick(fields), Pick("read", "extract", "lookup") }).ToList();
        return new DifferentialCase(
            $"hub fields allow-and-deny #{seed}",
            Model("sub, dom, obj, act", "sub, dom, obj, act, eft, basis", "_, _, _", AllowAndDeny, "g(r.sub, p.sub, r.dom) && r.dom == p.dom && keyMatch(r.obj, p.obj) && r.act == p.act"),
            policy.ToString(),
            null,
            requests,
            CompareExplain: false);
    }

    private DifferentialCase AbacEval()
    {
        string[] rules = ["r.sub.Age > 18", "r.sub.Age < 60 && r.sub.Dept == 'tax'", "r.sub.Dept == 'welfare' || r.sub.Age >= 65", "r.sub.Age + 5 > 30", "!(r.sub.Dept == 'tax')"];
        var policy = new StringBuilder();
        for (var i = 0; i < 12; i++)
        {
            policy.Append("p, \"").Append(Pick(rules)).Append("\", ").Append(Name("d", 4)).Append(", ").Append(Pick("read", "write")).Append('\n');
        }

        var requests = Enumerable.Range(0, 200).Select(_ => new object?[]
        {
            new Dictionary<string, object> { ["Age"] = _random.Next(10, 80), ["Dept"] = Pick("tax", "welfare", "it") },
            Name("d", 5),
            Pick("read", "write"),
        }).ToList();
        return new DifferentialCase(
            $"abac eval rules #{seed}",
            Model("sub, obj, act", "sub_rule, obj, act", null, AllowOverride, "eval(p.sub_rule) && r.obj == p.obj && r.act == p.act"),
            policy.ToString(),
            null,
            requests,
            CompareExplain: true);
    }

    private DifferentialCase AbacAttributes()
    {
        var policy = new StringBuilder();
        foreach (var act in new[] { "read", "write", "approve" })
        {
            policy.Append("p, ").Append(act).Append('\n');
        }

        var requests = Enumerable.Range(0, 200).Select(_ => new object?[]
        {
            new Dictionary<string, object> { ["Dept"] = Pick("tax", "welfare"), ["Age"] = _random.Next(15, 70) },
            new Dictionary<string, object> { ["Owner"] = Pick("tax", "welfare", "it"), ["Level"] = _random.Next(0, 4) },
            Pick("read", "write", "approve", "delete"),
        }).ToList();
        return new DifferentialCase(
            $"abac attributes #{seed}",
            Model("sub, obj, act", "act", null, AllowOverride, "r.sub.Dept == r.obj.Owner && r.act == p.act && (r.sub.Age >= 18 || r.obj.Level < 2)"),
            policy.ToString(),
            null,
            requests,
            CompareExplain: true);
    }

    private DifferentialCase SubjectPriority()
    {
        // A tree (one parent per role, one role per user): Go's levels are then independent of map order.
        var policy = new StringBuilder();
        for (var r = 1; r < 8; r++)
        {
            policy.Append("g, role").Append(r).Append(", role").Append(_random.Next(r)).Append('\n');
        }

        for (var u = 0; u < 12; u++)
        {
            policy.Append("g, u").Append(u).Append(", ").Append(Name("role", 8)).Append('\n');
        }

        for (var i = 0; i < 30; i++)
        {
            policy.Append("p, ").Append(_random.Next(3) == 0 ? Name("u", 12) : Name("role", 8)).Append(", ").Append(Name("d", 4)).Append(", ").Append(Pick("read", "write"))
                .Append(", ").Append(_random.Next(2) == 0 ? "allow" : "deny").Append('\n');
        }

        var requests = Enumerable.Range(0, 200).Select(_ => new object?[] { Name("u", 13), Name("d", 5), Pick("read", "write") }).ToList();
        return new DifferentialCase(
            $"subject priority #{seed}",
            Model("sub, obj, act", "sub, obj, act, eft", "_, _", "subjectPriority(p.eft) || deny", "g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act"),
            policy.ToString(),
            null,
            requests,
            CompareExplain: true);
    }

    private DifferentialCase PatternRoleNames()
    {
        // Patterns only in the first place of g lines (node-casbin does not match the second argument of g() as a pattern).
        var policy = new StringBuilder();
        for (var i = 0; i < 20; i++)
        {
            policy.Append("p, ").Append(Name("role", 4)).Append(", ").Append(Name("d", 4)).Append(", ").Append(Pick("read", "write")).Append('\n');
        }

        foreach (var pattern in new[] { "/user/:id", "/admin/*", "/team/:t/member/:m", "u1", "u2" })
        {
            policy.Append("g, ").Append(pattern).Append(", ").Append(Name("role", 4)).Append('\n');
        }

        policy.Append("g, role1, role").Append(_random.Next(2, 4)).Append('\n');
        var requests = Enumerable.Range(0, 200).Select(_ => new object?[]
        {
            Pick("/user/3", "/user/3/x", "/admin/a/b", "/admin", "/team/7/member/9", "/team/7", "u1", "u2", "u3"),
            Name("d", 5),
            Pick("read", "write"),
        }).ToList();
        return new DifferentialCase(
            $"pattern role names (keyMatch2) #{seed}",
            Model("sub, obj, act", "sub, obj, act", "_, _", AllowOverride, "g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act"),
            policy.ToString(),
            new Dictionary<string, object> { ["matchingFunc"] = new Dictionary<string, string> { ["g"] = "keyMatch2" } },
            requests,
            CompareExplain: true);
    }

    private DifferentialCase PathFunctions()
    {
        var policy = new StringBuilder();
        for (var i = 0; i < 30; i++)
        {
            policy.Append("p, ").Append(Pick("10.0.0.0/8", "192.168.1.0/24", "192.168.1.7", "2001:db8::/32"))
                .Append(", ").Append(Pick("/api/{v}/items/*", "/api/{v}/items/{id}", "/api/v1/{id}/sub/{id}", "/files/{name}", "/api/*"))
                .Append(", ").Append(Pick("GET", "POST")).Append('\n');
        }

        var requests = Enumerable.Range(0, 200).Select(_ => new object?[]
        {
            Pick("10.1.2.3", "192.168.1.7", "192.168.1.99", "192.168.2.1", "2001:db8::1", "8.8.8.8"),
            Pick("/api/v1/items/9", "/api/v2/items/9/x", "/api/v1/3/sub/3", "/api/v1/3/sub/4", "/files/a.txt", "/files/a/b", "/api/v1/items/9?x=1", "/other"),
            Pick("GET", "POST"),
        }).ToList();
        return new DifferentialCase(
            $"ipMatch, keyMatch3/4/5 #{seed}",
            Model("ip, obj, act", "ip, obj, act", null, AllowOverride, "ipMatch(r.ip, p.ip) && (keyMatch3(r.obj, p.obj) || keyMatch4(r.obj, p.obj) || keyMatch5(r.obj, p.obj)) && r.act == p.act"),
            policy.ToString(),
            null,
            requests,
            CompareExplain: true);
    }

    private DifferentialCase JsonRequests()
    {
        // The matcher reads p, so node-casbin parses JSON request text too (it does not when the matcher ignores p).
        var policy = new StringBuilder();
        for (var i = 0; i < 10; i++)
        {
            policy.Append("p, ").Append(Name("d", 4)).Append(", ").Append(Pick("read", "write")).Append('\n');
        }

        var requests = Enumerable.Range(0, 200).Select(_ => new object?[]
        {
            $"{{\"Name\": \"{Name("n", 3)}\", \"Age\": {_random.Next(10, 40)}}}",
            Name("d", 5),
            Pick("read", "write"),
        }).ToList();
        return new DifferentialCase(
            $"acceptJsonRequest #{seed}",
            Model("sub, obj, act", "obj, act", null, AllowOverride, "r.sub.Age >= 18 && r.sub.Name != 'n0' && r.obj == p.obj && r.act == p.act"),
            policy.ToString(),
            new Dictionary<string, object> { ["acceptJsonRequest"] = true },
            requests,
            CompareExplain: true);
    }
}
