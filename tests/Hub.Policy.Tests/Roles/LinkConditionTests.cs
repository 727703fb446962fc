using Hub.Policy.Enforcement;
using Hub.Policy.Roles;
using Hub.Policy.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Policy.Tests.Roles;

public sealed class LinkConditionTests
{
    private const string TemporalModel = """
        [request_definition]
        r = sub, obj, act
        [policy_definition]
        p = sub, obj, act
        [role_definition]
        g = _, _, (_, _)
        [policy_effect]
        e = some(where (p.eft == allow))
        [matchers]
        m = g(r.sub, p.sub) && r.obj == p.obj && r.act == p.act
        """;

    // As casbin's rbac_with_temporal_roles_policy.csv: each data<N>_admin link has a different validity window.
    private const string TemporalPolicy = """
        p, data2_admin, data2, read
        p, data3_admin, data3, read
        p, data4_admin, data4, read
        p, data5_admin, data5, read
        p, data6_admin, data6, read
        p, data7_admin, data7, read
        p, data8_admin, data8, read
        g, alice, data2_admin, 0000-01-01 00:00:00, 0000-01-02 00:00:00
        g, alice, data3_admin, 0000-01-01 00:00:00, 9999-12-30 00:00:00
        g, alice, data4_admin, _, _
        g, alice, data5_admin, _, 9999-12-30 00:00:00
        g, alice, data6_admin, _, 0000-01-02 00:00:00
        g, alice, data7_admin, 0000-01-01 00:00:00, _
        g, alice, data8_admin, 9999-12-30 00:00:00, _
        """;

    [Fact]
    public void Enforce_TimeMatchOnEveryLink_OnlyLinksValidNowHold()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 4, 1, 0, 0, 0, TimeSpan.Zero));
        var options = new EnforcerOptions();
        foreach (var n in Enumerable.Range(2, 7))
        {
            options.LinkConditions.Add(new LinkCondition("g", "alice", $"data{n}_admin", null, LinkConditions.TimeMatch(time)));
        }

        var enforcer = Policies.Create(TemporalModel, TemporalPolicy, options);

        var allowed = Enumerable.Range(2, 7).Where(n => enforcer.Enforce("alice", $"data{n}", "read")).ToList();
        Assert.Equal([3, 4, 5, 7], allowed);
    }

    [Fact]
    public void Enforce_LinkWithoutRegisteredCondition_AlwaysHolds()
    {
        var enforcer = Policies.Create(TemporalModel, TemporalPolicy);

        Assert.True(enforcer.Enforce("alice", "data2", "read"));
    }

    [Fact]
    public void Enforce_ValidityWindowPasses_DecisionChangesWithTime()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 31, 23, 59, 0, TimeSpan.Zero));
        var options = new EnforcerOptions();
        options.LinkConditions.Add(new LinkCondition("g", "bob", "clerk", "task-1", LinkConditions.TimeMatch(time)));
        var enforcer = Policies.Create(
            "[request_definition]\nr = sub, dom, obj\n[policy_definition]\np = sub, dom, obj\n[role_definition]\ng = _, _, _, (_, _)\n[policy_effect]\ne = some(where (p.eft == allow))\n[matchers]\nm = g(r.sub, p.sub, r.dom) && r.dom == p.dom && r.obj == p.obj",
            "p, clerk, task-1, resident.name\ng, bob, clerk, task-1, 2025-04-01 00:00:00, 2025-04-30 00:00:00",
            options);

        Assert.False(enforcer.Enforce("bob", "task-1", "resident.name"));
        time.Advance(TimeSpan.FromMinutes(2));
        Assert.True(enforcer.Enforce("bob", "task-1", "resident.name"));
        time.Advance(TimeSpan.FromDays(30));
        Assert.False(enforcer.Enforce("bob", "task-1", "resident.name"));
    }
}
