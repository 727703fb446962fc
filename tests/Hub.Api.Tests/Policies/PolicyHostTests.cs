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
    public async Task Start_PollIntervalAboveFiveSeconds_ExitsNamingTheSetting()
    {
        // The real executable: a bad setting ends the process with exit code 2 and one line naming it.
        var dir = Directory.CreateTempSubdirectory("hub-poll-").FullName;
        await using var hub = Hosting.HubProcess.Start(dir, "Development", "--Urls=http://127.0.0.1:0", "--Hub:Demo:SeedWhenEmpty=false", "--Hub:Policy:PollInterval=00:00:10");

        Assert.Equal(2, await hub.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var line = hub.StandardError.Split('\n').Single(l => l.StartsWith("hub: ", StringComparison.Ordinal));
        Assert.Contains("Hub:Policy:PollInterval", line, StringComparison.Ordinal);
    }
}
