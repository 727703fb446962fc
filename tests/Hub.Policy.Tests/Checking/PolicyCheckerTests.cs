using Hub.Policy.Catalog;
using Hub.Policy.Checking;
using Hub.Policy.Tests.Support;

namespace Hub.Policy.Tests.Checking;

public sealed class PolicyCheckerTests
{
    private static readonly string HubModel = File.ReadAllText(HubPolicyFiles.Model);

    [Fact]
    public void Check_MatcherSyntaxError_ReportsModelLineAndColumn()
    {
        var model = "[request_definition]\nr = sub, obj\n[policy_definition]\np = sub, obj\n[policy_effect]\ne = some(where (p.eft == allow))\n[matchers]\nm = r.sub == p.sub && (r.obj == p.obj";

        var diagnostic = Assert.Single(PolicyChecker.Check(model, "m.conf", "p, a, b", "p.csv"));

        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal(8, diagnostic.Line);
        Assert.Equal(38, diagnostic.Column);
        Assert.StartsWith("m.conf(8,38): error:", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_WrongNumberOfValues_IsError()
    {
        var diagnostics = PolicyChecker.Check(HubModel, "model.conf", "p, role:a, t, resident.name, read, allow\ng, u, role:a, t", "p.csv");

        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Line == 1 && d.Message.Contains("5 values", StringComparison.Ordinal));
    }

    [Fact]
    public void Check_UnknownField_WarnsWithLine()
    {
        var catalog = new FieldCatalog(["resident.name", "tax.taxableIncome"]);
        var policy = "g, u, role:a, t\np, role:a, t, resident.name, read, allow, x\np, role:a, t, resident.nmae, read, allow, x\np, role:a, t, welfare.*, read, allow, x";

        var warnings = PolicyChecker.Check(HubModel, "model.conf", policy, "p.csv", catalog).Where(d => d.Message.Contains("catalog", StringComparison.Ordinal)).ToList();

        Assert.Equal([3, 4], warnings.Select(w => w.Line));
    }

    [Fact]
    public void Check_NarrowRuleAfterWildcard_IsShadowed()
    {
        var policy = "g, u, role:a, t\np, role:a, t, tax.*, read, allow, x\np, role:a, t, tax.taxableIncome, read, allow, y\np, role:a, t, resident.name, read, allow, x\np, role:a, t, resident.*, read, deny, z";

        var shadowed = PolicyChecker.Check(HubModel, "model.conf", policy, "p.csv").Where(d => d.Message.StartsWith("shadowed", StringComparison.Ordinal)).ToList();

        Assert.Equal([3, 4], shadowed.Select(d => d.Line));
    }

    [Fact]
    public void Check_RoleWithoutMembers_Warns()
    {
        var policy = "p, role:a, t, resident.name, read, allow, x\np, role:b, t, resident.name, read, allow, x\ng, u, role:a, t";

        var warning = Assert.Single(PolicyChecker.Check(HubModel, "model.conf", policy, "p.csv"));

        Assert.Contains("role:b", warning.Message, StringComparison.Ordinal);
        Assert.Equal(2, warning.Line);
    }
}
