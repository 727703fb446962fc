using Hub.Capabilities.Policies;
using Hub.Data.Providers;
using Hub.Testing.Databases;

namespace Hub.Api.Tests.Policies;

/// <summary>
/// Per-node versions (policy_nodes) on each engine: a node's row starts its "since" when its version changes and only
/// refreshes "reported at" otherwise; nodes report apart; a node silent longer than the retention drops out.
/// </summary>
public abstract class PolicyNodeRegistrySpecification
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task ReportAsync_SameVersionRefreshesOnly_NewVersionStartsSince_NodesApart()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var registry = new DatabasePolicyNodeRegistry(database.Factory);

        await registry.ReportAsync("node-a", 1, T0, Ct);
        await registry.ReportAsync("node-b", 1, T0.AddSeconds(1), Ct);
        await registry.ReportAsync("node-a", 1, T0.AddMinutes(1), Ct);
        await registry.ReportAsync("node-a", 2, T0.AddMinutes(2), Ct);
        await registry.ReportAsync("node-a", 2, T0.AddMinutes(3), Ct);

        var nodes = await registry.ListAsync(Ct);
        Assert.Equal(
            [("node-a", 2, T0.AddMinutes(2), T0.AddMinutes(3)), ("node-b", 1, T0.AddSeconds(1), T0.AddSeconds(1))],
            nodes.Select(n => (n.Node, n.Version, n.Since, n.ReportedAt)));
    }

    [Fact]
    public async Task ReportAsync_DropsNodesSilentLongerThanTheRetention_KeepsTheOthers()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var registry = new DatabasePolicyNodeRegistry(database.Factory, TimeSpan.FromDays(1));

        await registry.ReportAsync("host/100", 1, T0, Ct);                    // a process that was restarted
        await registry.ReportAsync("host/200", 1, T0.AddHours(20), Ct);       // one that stopped recently
        await registry.ReportAsync("host/300", 2, T0.AddDays(1).AddMinutes(1), Ct);

        Assert.Equal(["host/200", "host/300"], (await registry.ListAsync(Ct)).Select(n => n.Node));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqlitePolicyNodeRegistryTests : PolicyNodeRegistrySpecification
{
    protected override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

/// <summary>On a throwaway PostgreSQL server.</summary>
public sealed class PostgreSqlPolicyNodeRegistryTests : PolicyNodeRegistrySpecification
{
    protected override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
