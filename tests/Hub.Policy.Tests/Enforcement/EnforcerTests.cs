using Hub.Policy.Enforcement;
using Hub.Policy.Model;
using Hub.Policy.Persistence;
using Hub.Policy.Tests.Support;

namespace Hub.Policy.Tests.Enforcement;

public sealed class EnforcerTests
{
    private const string DenyModel = """
        [request_definition]
        r = sub, obj, act
        [policy_definition]
        p = sub, obj, act, eft
        [role_definition]
        g = _, _
        [policy_effect]
        e = some(where (p.eft == allow)) && !some(where (p.eft == deny))
        [matchers]
        m = g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act
        """;

    [Fact]
    public void EnforceEx_AllowAndDeny_ExplainsFirstAllowOrFirstDeny()
    {
        var enforcer = Policies.Create(DenyModel, "p, a, o, read, allow\np, r, o, read, allow\np, r, o, write, deny\np, a, o, write, allow\ng, a, r");

        var read = enforcer.EnforceEx("a", "o", "read");
        Assert.True(read.Allowed);
        Assert.Equal(["a", "o", "read", "allow"], read.Explain);
        Assert.Equal(["r", "o", "write", "deny"], enforcer.EnforceEx("a", "o", "write").Explain);
        Assert.False(enforcer.EnforceEx("a", "o", "write").Allowed);
    }

    [Fact]
    public void Enforce_DenyOverrideWithoutMatch_AllowsWithEmptyExplain()
    {
        var enforcer = Policies.Create(DenyModel.Replace("some(where (p.eft == allow)) && !some(where (p.eft == deny))", "!some(where (p.eft == deny))", StringComparison.Ordinal), "p, a, o, write, deny");

        Assert.Equal((true, 0), (enforcer.EnforceEx("b", "o", "read").Allowed, enforcer.EnforceEx("b", "o", "read").Explain.Count));
        Assert.False(enforcer.Enforce("a", "o", "write"));
    }

    [Fact]
    public void AddPolicy_ExplicitPriority_ResortsRules()
    {
        var model = DenyModel.Replace("p = sub, obj, act, eft", "p = priority, sub, obj, act, eft", StringComparison.Ordinal)
            .Replace("some(where (p.eft == allow)) && !some(where (p.eft == deny))", "priority(p.eft) || deny", StringComparison.Ordinal);
        var enforcer = Policies.Create(model, "p, 10, a, o, read, allow");

        Assert.True(enforcer.AddPolicy("1", "a", "o", "read", "deny"));

        Assert.False(enforcer.Enforce("a", "o", "read"));
        Assert.Equal("1", enforcer.GetPolicy()[0][0]);
    }

    [Fact]
    public void AddRemoveUpdate_Policies_ChangeDecisionsAndRejectDuplicates()
    {
        var enforcer = Policies.Create(Policies.Rbac, "p, admin, data, read");

        Assert.False(enforcer.Enforce("bob", "data", "read"));
        Assert.True(enforcer.AddGroupingPolicy("bob", "admin"));
        Assert.False(enforcer.AddGroupingPolicy("bob", "admin"));
        Assert.True(enforcer.Enforce("bob", "data", "read"));

        Assert.True(enforcer.UpdatePolicy("p", ["admin", "data", "read"], ["admin", "data", "write"]));
        Assert.False(enforcer.Enforce("bob", "data", "read"));
        Assert.True(enforcer.Enforce("bob", "data", "write"));

        Assert.True(enforcer.RemoveGroupingPolicy("bob", "admin"));
        Assert.False(enforcer.Enforce("bob", "data", "write"));
        Assert.Equal(1, enforcer.RemoveFilteredPolicy("p", 1, "data"));
        Assert.Empty(enforcer.GetPolicy());
    }

    [Fact]
    public void Constructor_Filter_LoadsOnlyMatchingRules()
    {
        var filter = new PolicyFilter();
        filter.Values["p"] = ["", "data1"];

        var enforcer = new Enforcer(PolicyModel.Parse(Policies.Rbac), PolicyCsvReader.Parse("p, a, data1, read\np, a, data2, read\ng, b, a"), filter: filter);

        Assert.Equal(["data1"], enforcer.GetPolicy().Select(p => p[1]));
        Assert.True(enforcer.Enforce("b", "data1", "read"));
    }

    [Fact]
    public void EnforceEx_SecondContext_UsesNumberedDefinitions()
    {
        var enforcer = Policies.Create(
            "[request_definition]\nr = sub, obj\nr2 = sub, obj\n[policy_definition]\np = sub, obj\np2 = sub, obj\n[policy_effect]\ne = some(where (p.eft == allow))\n[matchers]\nm = r.sub == p.sub && r.obj == p.obj\nm2 = r2.sub == p2.sub && r2.obj == p2.obj",
            "p, a, o1\np2, a, o2");

        Assert.False(enforcer.Enforce("a", "o2"));
        Assert.True(enforcer.EnforceEx(new EnforceContext("r2", "p2", "e", "m2"), "a", "o2").Allowed);
    }

    [Fact]
    public void BatchEnforce_Requests_DecidedInOrder()
    {
        var enforcer = Policies.Create(Policies.Rbac, "p, a, o, read");

        Assert.Equal([true, false, true], enforcer.BatchEnforce([["a", "o", "read"], ["a", "o", "write"], ["a", "o", "read"]]));
    }

    [Fact]
    public void Enforce_WrongRequestSize_Throws()
    {
        var enforcer = Policies.Create(Policies.Rbac, "p, a, o, read");

        Assert.Throws<ArgumentException>(() => enforcer.Enforce("a", "o"));
    }

    [Fact]
    public void Options_UnknownRoleTypeAndFunction_ReportedTogether()
    {
        var options = new EnforcerOptions();
        options.MatchingFunctions["g9"] = "keyMatch";
        options.DomainMatchingFunctions["g"] = "noSuchMatch";

        var ex = Assert.Throws<ArgumentException>(() => Policies.Create(Policies.Rbac, string.Empty, options));

        Assert.Contains("g9", ex.Message, StringComparison.Ordinal);
        Assert.Contains("noSuchMatch", ex.Message, StringComparison.Ordinal);
    }
}
