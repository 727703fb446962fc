using Hub.Policy.Tests.Support;

namespace Hub.Policy.Tests.Enforcement;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task Enforce_WhilePoliciesChange_EveryDecisionSeesOneSnapshot()
    {
        // Two rules always change together: a decision may see both or neither, never one of them.
        var enforcer = Policies.Create(Policies.Rbac, "p, admin, data, read\ng, alice, admin");
        var stop = false;
        var inconsistent = 0;
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                var writes = enforcer.BatchEnforce([["bob", "data", "write"], ["bob", "log", "write"]]);
                if (writes[0] != writes[1])
                {
                    Interlocked.Increment(ref inconsistent);
                }
            }
        }, TestContext.Current.CancellationToken)).ToArray();

        for (var i = 0; i < 300; i++)
        {
            enforcer.AddPolicies([new("p", ["bob", "data", "write"]), new("p", ["bob", "log", "write"])]);
            enforcer.RemovePolicies([new("p", ["bob", "data", "write"]), new("p", ["bob", "log", "write"])]);
        }

        Volatile.Write(ref stop, true);
        await Task.WhenAll(readers);
        Assert.Equal(0, inconsistent);
        Assert.True(enforcer.Enforce("alice", "data", "read"));
    }
}
