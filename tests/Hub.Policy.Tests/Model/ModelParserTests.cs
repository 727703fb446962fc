using Hub.Policy.Model;

namespace Hub.Policy.Tests.Model;

public sealed class ModelParserTests
{
    [Fact]
    public void Parse_CommentsAndContinuations_ReadsTokensAndJoinsLines()
    {
        var model = PolicyModel.Parse("""
            # leading comment
            [request_definition]
            r = sub, obj, act ; trailing comment

            [policy_definition]
            p = sub, obj, act # another

            [policy_effect]
            e = some(where (p.eft == allow))

            [matchers]
            m = r.sub == p.sub && \
                r.obj == p.obj
            """);

        Assert.Equal(["sub", "obj", "act"], model.RequestDefinitions["r"]);
        Assert.Equal(["sub", "obj", "act"], model.PolicyDefinitions["p"]);
        Assert.Equal("r.sub == p.sub && r.obj == p.obj", model.Matchers["m"].Value);
    }

    [Fact]
    public void Parse_RoleDefinitionWithDomainAndConditions_RecordsArity()
    {
        var model = PolicyModel.Parse("[request_definition]\nr = sub\n[policy_definition]\np = sub\n[role_definition]\ng = _, _, _, (_, _)\ng2 = _, _\n[policy_effect]\ne = some(where (p.eft == allow))\n[matchers]\nm = true");

        Assert.True(model.RoleDefinitions["g"].HasDomain);
        Assert.Equal(2, model.RoleDefinitions["g"].ConditionArity);
        Assert.False(model.RoleDefinitions["g2"].HasDomain);
    }

    [Fact]
    public void Parse_UnknownSection_ReportsLineAndColumn()
    {
        var ex = Assert.Throws<PolicyFormatException>(() => PolicyModel.Parse("[request_definition]\nr = sub\n  [policy_defintion]\n", "bad.conf"));

        Assert.Equal(3, ex.Line);
        Assert.Equal(4, ex.Column);
        Assert.Contains("policy_defintion", ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MissingMatchers_Throws()
    {
        var ex = Assert.Throws<PolicyFormatException>(() => PolicyModel.Parse("[request_definition]\nr = sub\n[policy_definition]\np = sub\n[policy_effect]\ne = some(where (p.eft == allow))"));

        Assert.Contains("[matchers]", ex.Problem, StringComparison.Ordinal);
    }
}
