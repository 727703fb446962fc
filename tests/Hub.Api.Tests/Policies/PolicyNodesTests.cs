using Hub.Data.Providers;
using Hub.Policy.Administration;
using Hub.Policy.Tests.Support;
using Hub.Testing.Databases;
using static Hub.Api.Tests.Policies.PolicyTestData;

namespace Hub.Api.Tests.Policies;

/// <summary>
/// Two hub nodes (two service providers with their own watchers) on one PostgreSQL database: publications reach both,
/// refusals reach neither, and concurrent publishers cannot both win.
/// </summary>
public sealed class PolicyNodesTests
{
    // Short, so the tests are quick; what is asserted is the hub's promise (within 5 s), never a measured time.
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(5);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task StartAsync_TwoNodesOnAnEmptyDatabase_SeedTheDefaultPolicyOnceAndBothEnforceIt()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        var starting = await Task.WhenAll(PolicyNode.StartAsync(database, Poll, Ct), PolicyNode.StartAsync(database, Poll, Ct));
        await using var a = starting[0];
        await using var b = starting[1];

        var version = Assert.Single(await Store(database).ListAsync(Ct));
        Assert.Equal((1, PolicyVersionState.Published), (version.Number, version.State));
        Assert.Equal(("1", "1"), (a.Masks.Version, b.Masks.Version));
        Assert.True(b.Masks.Get("demo-tax-clerk", "resident-tax").Allows("tax.taxableIncome"));
    }

    [Fact]
    public async Task PublishAsync_OnOneNode_OtherNodeSwapsItsMasksWithinFiveSeconds()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var a = await PolicyNode.StartAsync(database, Poll, Ct);
        await using var b = await PolicyNode.StartAsync(database, Poll, Ct);
        Assert.False(b.Masks.Get(User, TaskCode).Allows("resident.name"));

        var draft = await a.Administration.CreateDraftAsync("officer", "counter needs names", Model, NamesOnly, 1, Ct);
        await a.Administration.ApproveAndPublishAsync(draft.Number, "officer2", "approved", Ct);

        Assert.True(await PolicyNode.EventuallyAsync(() => b.Masks.Version == "2", Promise, Ct), "node b did not pick up version 2 within 5 s");
        Assert.True(b.Masks.Get(User, TaskCode).Allows("resident.name"));
        Assert.Equal(2, b.Watcher.CurrentVersion);
    }

    [Fact]
    public async Task PublishAsync_DraftThatFailsToCheck_NeverPublishedAndBothNodesKeepTheVersionInForce()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var a = await PolicyNode.StartAsync(database, Poll, Ct);
        await using var b = await PolicyNode.StartAsync(database, Poll, Ct);
        var draft = await a.Administration.CreateDraftAsync("officer", "typo", Model, Broken, 1, Ct);

        await Assert.ThrowsAsync<PolicyReviewException>(() => a.Administration.ApproveAndPublishAsync(draft.Number, "officer2", "approved", Ct));

        // A poll of its own on each node, after the refusal: nothing new to swap in.
        Assert.False(await a.Watcher.PollOnceAsync(Ct));
        Assert.False(await b.Watcher.PollOnceAsync(Ct));
        Assert.Equal(("1", "1"), (a.Masks.Version, b.Masks.Version));
        Assert.Equal(1, await Store(database).GetPublishedNumberAsync(Ct));
        Assert.Equal(PolicyAuditAction.ReviewRefused, (await Store(database).AuditTrailAsync(Ct))[^1].Action);
    }

    [Fact]
    public async Task PublishAsync_BothNodesAtOnce_ExactlyOneWinsAndBothNodesEnforceTheWinner()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.PostgreSql);
        await using var a = await PolicyNode.StartAsync(database, Poll, Ct);
        await using var b = await PolicyNode.StartAsync(database, Poll, Ct);
        var draftA = await a.Administration.CreateDraftAsync("officer-a", "names", Model, NamesOnly, 1, Ct);
        var draftB = await b.Administration.CreateDraftAsync("officer-b", "names and addresses", Model, NamesAndAddresses, 1, Ct);

        var results = await Task.WhenAll(TryPublish(a, draftA.Number), TryPublish(b, draftB.Number));

        var winner = Assert.Single(results, r => r is not null)!.Value;
        var expected = winner.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await PolicyNode.EventuallyAsync(() => a.Masks.Version == expected && b.Masks.Version == expected, Promise, Ct), "the nodes did not both enforce the winner within 5 s");
        Assert.Equal(winner == draftB.Number, b.Masks.Get(User, TaskCode).Allows("resident.address"));
        Assert.True((await a.Administration.VerifyAsync(Ct)).IsIntact);
    }

    private static async Task<int?> TryPublish(PolicyNode node, int draft)
    {
        try
        {
            return (await node.Administration.ApproveAndPublishAsync(draft, "officer", "go", Ct)).Number;
        }
        catch (PolicyVersionConflictException)
        {
            return null;
        }
    }
}
