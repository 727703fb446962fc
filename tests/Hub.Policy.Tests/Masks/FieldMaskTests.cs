using Hub.Policy.Enforcement;
using Hub.Policy.Masks;
using Hub.Policy.Model;
using Hub.Policy.Persistence;
using Hub.Policy.Tests.Support;

namespace Hub.Policy.Tests.Masks;

public sealed class FieldMaskTests
{
    [Fact]
    public void Filter_Selection_KeepsAllowedFieldsInOrder()
    {
        var cache = new FieldMaskCache(HubPolicyFiles.Catalog.Paths);
        cache.Publish("v1", HubPolicyFiles.CreateEnforcer());

        var mask = cache.Get("demo-child-clerk", "child-allowance");

        Assert.Equal(
            ["resident.name", "childAllowance.monthlyAmount", "tax.taxableIncome"],
            mask.Filter(["resident.name", "resident.juminhyoCode", "childAllowance.monthlyAmount", "tax.taxableIncome", "tax.totalIncome"]));
        Assert.True(mask.Allows("resident.myNumber", FieldAction.Lookup));
    }

    [Fact]
    public void Explain_AllowedField_CarriesLegalBasis()
    {
        var cache = new FieldMaskCache(HubPolicyFiles.Catalog.Paths);
        cache.Publish("v1", HubPolicyFiles.CreateEnforcer());

        var decision = cache.Get("demo-resident-clerk", "resident-registry").Explain("resident.myNumber");

        Assert.True(decision.Allowed);
        Assert.Contains("番号法", decision.LegalBasis, StringComparison.Ordinal);
    }

    [Fact]
    public void Get_SameUserAndTask_ReturnsCachedMask()
    {
        var cache = new FieldMaskCache(HubPolicyFiles.Catalog.Paths);
        cache.Publish("v1", HubPolicyFiles.CreateEnforcer());

        Assert.Same(cache.Get("demo-tax-clerk", "resident-tax"), cache.Get("demo-tax-clerk", "resident-tax"));
    }

    [Fact]
    public void Publish_NewVersion_SwapsMasksAtomically()
    {
        var cache = new FieldMaskCache(["resident.name"]);
        var model = PolicyModel.Load(HubPolicyFiles.Model);
        cache.Publish("v1", new Enforcer(model, PolicyCsvReader.Parse("p, role:a, t, resident.*, read, allow, x\ng, u, role:a, t")));
        var before = cache.Get("u", "t");

        cache.Publish("v2", new Enforcer(model, PolicyCsvReader.Parse("p, role:a, t, resident.*, read, deny, y\ng, u, role:a, t")));
        var after = cache.Get("u", "t");

        Assert.True(before.Allows("resident.name"));
        Assert.Equal("v1", before.Version);
        Assert.False(after.Allows("resident.name"));
        Assert.Equal("v2", after.Version);
    }

    [Fact]
    public void Get_BeforePublish_Throws() =>
        Assert.Throws<InvalidOperationException>(() => new FieldMaskCache([]).Get("u", "t"));
}
