using Hub.Policy.Enforcement;
using Hub.Policy.Functions;
using Hub.Policy.Matchers;
using Hub.Policy.Tests.Support;

namespace Hub.Policy.Tests.Matchers;

public sealed class MatcherLanguageTests
{
    private static Enforcer WithMatcher(string matcher, string policy = "p, alice, data1, read", EnforcerOptions? options = null) =>
        Policies.Create(Policies.Rbac.Replace("m = g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act", "m = " + matcher, StringComparison.Ordinal), policy, options);

    [Fact]
    public void Enforce_InAfterOr_BindsTighterThanOr()
    {
        // Go reads a || (r.obj in (...)); node-casbin reads (a || r.obj) in (...).
        var enforcer = WithMatcher("r.sub == p.sub && r.obj == p.obj && r.act == p.act || r.obj in ('data2', 'data3')");

        Assert.True(enforcer.Enforce("bob", "data2", "write"));
        Assert.True(enforcer.Enforce("alice", "data1", "read"));
        Assert.False(enforcer.Enforce("bob", "data4", "write"));
    }

    [Fact]
    public void Enforce_ArithmeticAndComparison_NumbersAreDoubles()
    {
        var enforcer = WithMatcher("r.sub.Age + 2 * 3 >= 24 && r.sub.Age % 2 == 0 && r.obj == p.obj");

        Assert.True(enforcer.Enforce(new Dictionary<string, object?> { ["Age"] = 18.0 }, "data1", "read"));
        Assert.False(enforcer.Enforce(new Dictionary<string, object?> { ["Age"] = 17.0 }, "data1", "read"));
    }

    [Fact]
    public void Enforce_StringNeverEqualsNumber_AsGovaluate()
    {
        var enforcer = WithMatcher("r.sub.Age == '18' && r.obj == p.obj");

        Assert.False(enforcer.Enforce(new { Age = 18 }, "data1", "read"));
    }

    [Fact]
    public void Enforce_RegexOperatorAndNegation_Work()
    {
        var enforcer = WithMatcher("r.obj =~ '^data[0-9]$' && !(r.act == 'delete') && r.sub == p.sub");

        Assert.True(enforcer.Enforce("alice", "data7", "read"));
        Assert.False(enforcer.Enforce("alice", "data7", "delete"));
        Assert.False(enforcer.Enforce("alice", "xdata", "read"));
    }

    [Fact]
    public void Enforce_CustomFunction_IsCalled()
    {
        var options = new EnforcerOptions();
        options.Functions.AddPredicate("sameInitial", (a, b) => a[0] == b[0]);
        var enforcer = WithMatcher("sameInitial(r.sub, p.sub) && r.obj == p.obj", options: options);

        Assert.True(enforcer.Enforce("anna", "data1", "read"));
        Assert.False(enforcer.Enforce("bob", "data1", "read"));
    }

    [Fact]
    public void Enforce_UnknownName_ThrowsWithPosition()
    {
        var enforcer = WithMatcher("r.sub == p.subject");

        var ex = Assert.Throws<MatcherSyntaxException>(() => enforcer.Enforce("alice", "data1", "read"));
        Assert.Equal(9, ex.Position);
    }

    [Fact]
    public void Enforce_AttributeOfString_FailsTheDecision()
    {
        var enforcer = WithMatcher("r.sub.Age > 18 && r.obj == p.obj");

        Assert.Throws<MatcherEvaluationException>(() => enforcer.Enforce("alice", "data1", "read"));
    }

    [Fact]
    public void Enforce_EvalOfPolicyRule_CompilesRuleText()
    {
        var enforcer = Policies.Create(
            "[request_definition]\nr = sub, obj\n[policy_definition]\np = rule, obj\n[policy_effect]\ne = some(where (p.eft == allow))\n[matchers]\nm = eval(p.rule) && r.obj == p.obj",
            "p, \"r.sub.Age > 18 && r.sub.Name != 'eve'\", doc");

        Assert.True(enforcer.Enforce(new Dictionary<string, object?> { ["Age"] = 30.0, ["Name"] = "ann" }, "doc"));
        Assert.False(enforcer.Enforce(new Dictionary<string, object?> { ["Age"] = 30.0, ["Name"] = "eve" }, "doc"));
        Assert.False(enforcer.Enforce(new Dictionary<string, object?> { ["Age"] = 10.0, ["Name"] = "ann" }, "doc"));
    }

    [Fact]
    public void Escape_DotsInsideStringLiterals_AreKept() =>
        Assert.Equal("r_sub == \"a.p.p.l.e\" && p_obj", MatcherText.Escape("r.sub == \"a.p.p.l.e\" && p.obj"));

    [Fact]
    public void FunctionRegistry_GetPredicate_UnknownName_Throws() =>
        Assert.Throws<ArgumentException>(() => new FunctionRegistry().GetPredicate("keyGet"));
}
