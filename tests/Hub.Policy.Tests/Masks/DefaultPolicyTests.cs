using Hub.Policy.Checking;
using Hub.Policy.Tests.Support;

namespace Hub.Policy.Tests.Masks;

public sealed class DefaultPolicyTests
{
    [Fact]
    public void Check_DefaultModelAndPolicy_NoErrorsNoWarnings()
    {
        var diagnostics = PolicyChecker.Check(File.ReadAllText(HubPolicyFiles.Model), "model.conf", File.ReadAllText(HubPolicyFiles.Policy), "policy.csv", HubPolicyFiles.Catalog);

        Assert.Empty(diagnostics.Select(d => d.ToString()));
    }

    [Fact]
    public void Enforce_TaxClerk_ReadsTaxFieldsOnlyInTaxTask()
    {
        var enforcer = HubPolicyFiles.CreateEnforcer();

        Assert.True(enforcer.Enforce("demo-tax-clerk", "resident-tax", "tax.taxableIncome", "read"));
        Assert.False(enforcer.Enforce("demo-tax-clerk", "nhi", "tax.taxableIncome", "read"));
        Assert.False(enforcer.Enforce("demo-tax-clerk", "resident-tax", "nhi.insuredNumber", "read"));
        Assert.False(enforcer.Enforce("demo-tax-clerk", "resident-tax", "tax.taxableIncome", "extract"));
    }

    [Fact]
    public void EnforceEx_DenyOverridesAllowFromAnotherRole_ExplainsWithLegalBasis()
    {
        var enforcer = HubPolicyFiles.CreateEnforcer();

        var result = enforcer.EnforceEx("demo-trainee", "resident-registry", "resident.myNumber", "read");

        Assert.False(result.Allowed);
        Assert.Equal("deny", result.Explain[4]);
        Assert.StartsWith("番号法 第9条", result.Explain[5], StringComparison.Ordinal);
        Assert.True(enforcer.Enforce("demo-trainee", "resident-registry", "resident.nameKana", "read"));
    }

    [Fact]
    public void Enforce_UnknownUserOrTask_DeniedByDefault()
    {
        var enforcer = HubPolicyFiles.CreateEnforcer();

        Assert.False(enforcer.Enforce("nobody", "resident-registry", "resident.name", "read"));
        Assert.False(enforcer.Enforce("demo-resident-clerk", "no-such-task", "resident.name", "read"));
    }
}
