using Hub.Api.Tests.Support;
using Hub.Data.Providers;
using Hub.Policy.Administration;
using Hub.Policy.Masks;
using Hub.Testing.Databases;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Api.Tests.Policies;

/// <summary>The real hub host registers the policy services and enforces the default policy from its first request.</summary>
public sealed class PolicyHostTests
{
    [Fact]
    public async Task Start_EmptyDatabase_DefaultPolicyInForceAsVersionOne()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var host = HubHost.Create("Development", database.Options, new Dictionary<string, string?> { ["Hub:Policy:PollInterval"] = "00:00:01" });
        using var client = host.CreateClient(); // starts the host

        var watcher = host.Services.GetRequiredService<PolicyVersionWatcher>();
        var masks = host.Services.GetRequiredService<FieldMaskCache>();
        Assert.Equal(1, watcher.CurrentVersion);
        Assert.Equal(TimeSpan.FromSeconds(1), watcher.Interval);
        Assert.Equal("1", masks.Version);
        Assert.True(masks.Get("demo-tax-clerk", "resident-tax").Allows("tax.taxableIncome"));
        var published = await host.Services.GetRequiredService<IPolicyVersionStore>().GetPublishedAsync(TestContext.Current.CancellationToken);
        Assert.Equal("hub", published!.PublishedBy);
    }

    [Fact]
    public void Start_PollIntervalAboveFiveSeconds_FailsNamingTheSetting()
    {
        using var host = HubHost.Create("Development", HubHost.ScratchSqlite(), new Dictionary<string, string?> { ["Hub:Policy:PollInterval"] = "00:00:10" });

        var error = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains("Hub:Policy:PollInterval", error.GetBaseException().Message, StringComparison.Ordinal);
    }
}
