using Hub.Policy.Tests.Support;

namespace Hub.Policy.Tests.Enforcement;

/// <summary>The index must never change a decision: an indexed matcher and an equivalent one the planner cannot index agree.</summary>
public sealed class IndexEquivalenceTests
{
    [Fact]
    public void EnforceEx_IndexedAndScanningMatchers_SameDecisionsAndExplanations()
    {
        var random = new Random(7);
        var policy = new System.Text.StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            policy.Append($"p, {(random.Next(3) == 0 ? "u" + random.Next(30) : "r" + random.Next(10))}, d{random.Next(8)}, {(random.Next(2) == 0 ? "read" : "write")}\n");
        }

        for (var u = 0; u < 30; u++)
        {
            policy.Append($"g, u{u}, r{random.Next(10)}\n");
        }

        for (var r = 0; r < 10; r++)
        {
            policy.Append($"g, r{r}, r{random.Next(10)}\n");
        }

        var indexed = Policies.Create(Policies.Rbac, policy.ToString());
        // `|| false` makes the top level a disjunction, which the planner does not index: every rule is scanned.
        var scanning = Policies.Create(Policies.Rbac.Replace("r.act == p.act", "r.act == p.act || false", StringComparison.Ordinal), policy.ToString());
        Assert.NotNull(indexed.Plan(Hub.Policy.Enforcement.EnforceContext.Default).Index);
        Assert.Null(scanning.Plan(Hub.Policy.Enforcement.EnforceContext.Default).Index);

        for (var i = 0; i < 2000; i++)
        {
            object?[] request = ["u" + random.Next(32), "d" + random.Next(9), random.Next(2) == 0 ? "read" : "write"];
            var a = indexed.EnforceEx(request);
            var b = scanning.EnforceEx(request);
            Assert.Equal(b.Allowed, a.Allowed);
            Assert.Equal(b.Explain, a.Explain);
        }
    }
}
