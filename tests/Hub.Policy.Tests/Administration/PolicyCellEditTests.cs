using Hub.Policy.Administration;
using Hub.Policy.Enforcement;
using Hub.Policy.Model;
using Hub.Policy.Persistence;
using Hub.Policy.Tests.Support;

namespace Hub.Policy.Tests.Administration;

/// <summary>Granting and revoking one matrix cell edits the CSV as an officer would, and decides as intended.</summary>
public sealed class PolicyCellEditTests
{
    private const string Text = "# 税務\np, role:tax, resident-tax, tax.*, read, allow, 地方税法 第294条\np, role:tax, resident-tax, resident.name, read, allow, 地方税法\ng, u, role:tax, resident-tax\n";
    private static readonly PolicyCell Postal = new("role:tax", "resident-tax", "resident.postalCode", "read");

    private static bool Allows(string text, PolicyCell cell) =>
        new Enforcer(PolicyModel.Parse(File.ReadAllText(HubPolicyFiles.Model)), PolicyCsvReader.Parse(text)).Enforce("u", cell.Task, cell.Field, cell.Action);

    [Fact]
    public void Grant_NewCell_AppendsAnAllowWithItsBasis_KeepsCommentsAndLines()
    {
        var granted = PolicyCellEdit.Grant(Text, Postal, "地方税法 第294条, 第317条の6");

        Assert.StartsWith(Text, granted, StringComparison.Ordinal);
        Assert.EndsWith("p, role:tax, resident-tax, resident.postalCode, read, allow, \"地方税法 第294条, 第317条の6\"\n", granted, StringComparison.Ordinal);
        Assert.True(Allows(granted, Postal));
        Assert.False(Allows(Text, Postal));
    }

    [Fact]
    public void Grant_CellAllowedAlready_ReplacesTheBasisInPlace()
    {
        var granted = PolicyCellEdit.Grant(Text, Postal with { Field = "resident.name" }, "地方税法 第294条");

        Assert.Equal(Text.Replace("resident.name, read, allow, 地方税法\n", "resident.name, read, allow, 地方税法 第294条\n", StringComparison.Ordinal), granted);
    }

    [Fact]
    public void Revoke_ExactAllow_RemovesTheLine_WildcardAllow_AddsADeny()
    {
        var name = Postal with { Field = "resident.name" };
        var income = Postal with { Field = "tax.taxableIncome" };

        var withoutName = PolicyCellEdit.Revoke(Text, name, "不要");
        var withoutIncome = PolicyCellEdit.Revoke(Text, income, "所得は別の事務で");

        Assert.DoesNotContain("resident.name", withoutName, StringComparison.Ordinal);
        Assert.False(Allows(withoutName, name));
        Assert.Contains("p, role:tax, resident-tax, tax.taxableIncome, read, deny, 所得は別の事務で", withoutIncome, StringComparison.Ordinal);
        Assert.False(Allows(withoutIncome, income));
        Assert.True(Allows(withoutIncome, income with { Field = "tax.fiscalYear" }));
    }

    [Fact]
    public void GrantOrRevoke_BlankBasis_RefusedNamingBasis()
    {
        Assert.Equal("basis", Assert.Throws<ArgumentException>(() => PolicyCellEdit.Grant(Text, Postal, " ")).ParamName);
        Assert.Equal("basis", Assert.Throws<ArgumentException>(() => PolicyCellEdit.Revoke(Text, Postal, "")).ParamName);
    }

    [Fact]
    public void AssignRole_NewUserInANewTask_GetsTheRole_RemovingTakesItAway()
    {
        var withRole = PolicyCellEdit.Grant(Text, Postal with { Task = "tax-collection" }, "地方税法 第331条");
        var assigned = PolicyCellEdit.AssignRole(withRole, "v", "role:tax", "tax-collection", assign: true);
        var again = PolicyCellEdit.AssignRole(assigned, "v", "role:tax", "tax-collection", assign: true);
        var removed = PolicyCellEdit.AssignRole(assigned, "v", "role:tax", "tax-collection", assign: false);

        Assert.EndsWith("g, v, role:tax, tax-collection\n", assigned, StringComparison.Ordinal);
        Assert.Equal(assigned, again);
        var enforcer = new Enforcer(PolicyModel.Parse(File.ReadAllText(HubPolicyFiles.Model)), PolicyCsvReader.Parse(assigned));
        Assert.True(enforcer.Enforce("v", "tax-collection", "resident.postalCode", "read"));
        Assert.Equal(withRole, removed);
        Assert.Equal("user", Assert.Throws<ArgumentException>(() => PolicyCellEdit.AssignRole(Text, "a,b", "role:tax", "t", assign: true)).ParamName);
    }
}
