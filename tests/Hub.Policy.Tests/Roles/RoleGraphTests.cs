using Hub.Policy.Enforcement;
using Hub.Policy.Tests.Support;

namespace Hub.Policy.Tests.Roles;

public sealed class RoleGraphTests
{
    private const string DomainModel = """
        [request_definition]
        r = sub, dom, obj, act
        [policy_definition]
        p = sub, dom, obj, act
        [role_definition]
        g = _, _, _
        [policy_effect]
        e = some(where (p.eft == allow))
        [matchers]
        m = g(r.sub, p.sub, r.dom) && r.dom == p.dom && r.obj == p.obj && r.act == p.act
        """;

    [Theory]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public void Enforce_HierarchyDepth_LimitedToTenLinksAsCasbin(int links, bool expected)
    {
        var policy = "p, role" + links + ", data, read\n" + string.Join('\n', Enumerable.Range(0, links).Select(i => $"g, {(i == 0 ? "alice" : "role" + i)}, role{i + 1}"));

        Assert.Equal(expected, Policies.Create(Policies.Rbac, policy).Enforce("alice", "data", "read"));
    }

    [Fact]
    public void Enforce_CycleInHierarchy_Terminates()
    {
        var enforcer = Policies.Create(Policies.Rbac, "p, c, data, read\ng, a, b\ng, b, a\ng, b, c");

        Assert.True(enforcer.Enforce("a", "data", "read"));
        Assert.False(enforcer.Enforce("c", "data", "write"));
    }

    [Fact]
    public void Enforce_RoleInOtherDomain_DoesNotApply()
    {
        var enforcer = Policies.Create(DomainModel, "p, admin, d1, data, read\np, admin, d2, data, read\ng, alice, admin, d1");

        Assert.True(enforcer.Enforce("alice", "d1", "data", "read"));
        Assert.False(enforcer.Enforce("alice", "d2", "data", "read"));
    }

    [Fact]
    public void Enforce_DomainPatternLink_AppliesToMatchingDomains()
    {
        var options = new EnforcerOptions();
        options.DomainMatchingFunctions["g"] = "keyMatch";
        var enforcer = Policies.Create(DomainModel, "p, admin, tax-1, data, read\np, admin, nhi, data, read\ng, alice, admin, tax-*", options);

        Assert.True(enforcer.Enforce("alice", "tax-1", "data", "read"));
        Assert.False(enforcer.Enforce("alice", "nhi", "data", "read"));
    }

    [Fact]
    public void Enforce_KeyMatchOnDomainsInMatcher_RegistersKeyMatchForDomainsAsGo()
    {
        var model = DomainModel.Replace("r.dom == p.dom", "keyMatch(r.dom, p.dom)", StringComparison.Ordinal);
        var enforcer = Policies.Create(model, "p, admin, *, data, read\ng, alice, admin, *");

        Assert.True(enforcer.Enforce("alice", "any-task", "data", "read"));
    }

    [Fact]
    public void Enforce_RoleNamePattern_InheritsPatternRoles()
    {
        var options = new EnforcerOptions();
        options.MatchingFunctions["g"] = "keyMatch2";
        var enforcer = Policies.Create(Policies.Rbac, "p, reader, book, read\ng, /staff/:id, reader", options);

        Assert.True(enforcer.Enforce("/staff/42", "book", "read"));
        Assert.False(enforcer.Enforce("/guest/42", "book", "read"));
    }

    [Fact]
    public void GetImplicitRolesForUser_Hierarchy_BreadthFirst()
    {
        var enforcer = Policies.Create(Policies.Rbac, "g, alice, admin\ng, admin, data1_admin\ng, admin, data2_admin\ng, data1_admin, reader");

        Assert.Equal(["admin", "data1_admin", "data2_admin", "reader"], enforcer.GetImplicitRolesForUser("alice"));
        Assert.Equal(["admin"], enforcer.GetRolesForUser("alice"));
        Assert.Equal(["alice"], enforcer.GetUsersForRole("admin"));
    }

    [Fact]
    public void GetImplicitPermissionsForUser_WithDomainPattern_RewritesDomainAsGo()
    {
        var options = new EnforcerOptions();
        options.DomainMatchingFunctions["g"] = "keyMatch";
        var enforcer = Policies.Create(DomainModel, "p, admin, *, data1, read\np, admin, d2, data2, read\ng, alice, admin, *", options);

        var permissions = enforcer.GetImplicitPermissionsForUser("alice", "d1");

        Assert.Equal([["admin", "d1", "data1", "read"]], permissions.Select(p => p.ToArray()));
    }
}
