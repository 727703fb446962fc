using Hub.Capabilities.Policies;
using Hub.Data.Providers;
using Hub.Policy.Administration;
using Hub.Policy.Tests.Support;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using static Hub.Api.Tests.Policies.PolicyTestData;

namespace Hub.Api.Tests.Policies;

/// <summary>
/// <see cref="DatabasePolicyVersionStore"/> and <see cref="PolicyAdministration"/> over it, on a fresh migrated database
/// per test. Each provider subclasses it, so one suite runs on every engine.
/// </summary>
public abstract class PolicyVersionStoreSpecification
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The engine under test.</summary>
    protected abstract DatabaseProvider Provider { get; }

    [Fact]
    public async Task CreateDraftAsync_RoundTrip_ReadsBackWhatWasStoredWithSealedContent()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var store = Store(database);
        var before = DateTimeOffset.UtcNow.AddSeconds(-1);

        var draft = await Administration(store).CreateDraftAsync("officer1", "窓口で住所を表示", Model, NamesAndAddresses, cancellationToken: Ct);

        var read = await Store(database).GetAsync(draft.Number, Ct);
        Assert.NotNull(read);
        Assert.Equal(1, read.Number);
        Assert.Equal(PolicyVersionState.Draft, read.State);
        Assert.Equal((Model, NamesAndAddresses, "officer1", "窓口で住所を表示"), (read.ModelText, read.PolicyText, read.Author, read.Reason));
        Assert.InRange(read.CreatedAt, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.Null(read.BasedOn);
        Assert.Null(read.PublishedAt);
        Assert.Null(await store.GetPublishedAsync(Ct));
        Assert.Null(await store.GetPublishedNumberAsync(Ct));
        var record = Assert.Single(await store.AuditTrailAsync(Ct));
        Assert.Equal((1L, PolicyAuditAction.DraftCreated, 1, "officer1"), (record.Sequence, record.Action, record.Version, record.Actor));
        Assert.Equal(PolicyAuditChain.ContentDetail(read), record.Detail);
        Assert.True((await Administration(store).VerifyAsync(Ct)).IsIntact);
    }

    [Fact]
    public async Task OrdinanceTable_EditedOnADraft_StoredPublishedAndCopiedToTheNextDraft()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var store = Store(database);
        var admin = Administration(store);
        var v1 = await admin.CreateDraftAsync("officer1", "initial", Model, NamesOnly, cancellationToken: Ct);
        await admin.ApproveAndPublishAsync(v1.Number, "officer2", "approved", Ct);
        var v2 = await admin.CreateDraftAsync("officer1", "別表改正", Model, NamesOnly, v1.Number, Ct);

        var edited = await admin.AddOrdinanceRowAsync(v2.Number, "officer1", "別表に追加", "t", "resident.name", ["read"], "条例 第5条", Ct);
        var read = await Store(database).GetAsync(v2.Number, Ct);
        await admin.ApproveAndPublishAsync(v2.Number, "officer2", "approved", Ct);
        var v3 = await admin.CreateDraftAsync("officer1", "次", Model, NamesOnly, v2.Number, Ct);

        Assert.Null((await Store(database).GetAsync(v1.Number, Ct))!.OrdinancesText);
        Assert.NotNull(edited.OrdinancesText);
        Assert.Equal(edited.OrdinancesText, read!.OrdinancesText);
        Assert.Contains(admin.OrdinancesOf(read)!.Entries, e => (e.Task, e.Field, e.LegalBasis) == ("t", "resident.name", "条例 第5条"));
        Assert.Equal(edited.OrdinancesText, (await Store(database).GetPublishedAsync(Ct))!.OrdinancesText);
        Assert.Equal(edited.OrdinancesText, (await Store(database).GetAsync(v3.Number, Ct))!.OrdinancesText);
        Assert.True((await Administration(store).VerifyAsync(Ct)).IsIntact);
    }

    [Fact]
    public async Task PublishAsync_DraftBasedOnVersionInForce_SupersedesItAndMovesTheHead()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var store = Store(database);
        var admin = Administration(store);
        var v1 = await admin.CreateDraftAsync("officer1", "initial", Model, NamesOnly, cancellationToken: Ct);
        await admin.ApproveAndPublishAsync(v1.Number, "officer2", "approved", Ct);
        var v2 = await admin.CreateDraftAsync("officer1", "addresses", Model, NamesAndAddresses, v1.Number, Ct);

        var published = await admin.ApproveAndPublishAsync(v2.Number, "officer2", "approved", Ct);

        Assert.Equal((PolicyVersionState.Published, "officer2"), (published.State, published.PublishedBy));
        Assert.NotNull(published.PublishedAt);
        Assert.Equal(PolicyVersionState.Superseded, (await store.GetAsync(v1.Number, Ct))!.State);
        Assert.Equal(v2.Number, (await store.GetPublishedAsync(Ct))!.Number);
        Assert.Equal(v2.Number, await store.GetPublishedNumberAsync(Ct));
        Assert.Equal(
            [
                PolicyAuditAction.DraftCreated, PolicyAuditAction.Submitted, PolicyAuditAction.Approved, PolicyAuditAction.Published,
                PolicyAuditAction.DraftCreated, PolicyAuditAction.Submitted, PolicyAuditAction.Approved, PolicyAuditAction.Published,
            ],
            (await store.AuditTrailAsync(Ct)).Select(r => r.Action));
        Assert.True((await admin.VerifyAsync(Ct)).IsIntact);
    }

    [Fact]
    public async Task PublishAsync_DraftThatFailsToCheck_NeverPublishedAndVersionInForceStays()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var store = Store(database);
        var admin = Administration(store);
        var good = await admin.CreateDraftAsync("o", "initial", Model, NamesOnly, cancellationToken: Ct);
        await admin.ApproveAndPublishAsync(good.Number, "o", "ok", Ct);
        var bad = await admin.CreateDraftAsync("o", "typo", Model, Broken, good.Number, Ct);

        var error = await Assert.ThrowsAsync<PolicyReviewException>(() => admin.ApproveAndPublishAsync(bad.Number, "o", "try", Ct));

        Assert.Equal(bad.Number, error.Version);
        Assert.Equal(good.Number, await store.GetPublishedNumberAsync(Ct));
        Assert.Equal(PolicyVersionState.Draft, (await store.GetAsync(bad.Number, Ct))!.State);
        var last = (await store.AuditTrailAsync(Ct))[^1];
        Assert.Equal((PolicyAuditAction.ReviewRefused, bad.Number), (last.Action, last.Version));
        Assert.True((await admin.VerifyAsync(Ct)).IsIntact);
    }

    [Fact]
    public async Task UpdateDraftAsync_Draft_ReplacesTextAndRefusesOncePublished()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var store = Store(database);
        var admin = Administration(store);
        var draft = await admin.CreateDraftAsync("o", "a", Model, NamesOnly, cancellationToken: Ct);

        var edited = await admin.UpdateDraftAsync(draft.Number, "o2", "add addresses", NamesAndAddresses, cancellationToken: Ct);
        await admin.ApproveAndPublishAsync(draft.Number, "o", "ok", Ct);

        Assert.Equal((NamesAndAddresses, "o2"), (edited.PolicyText, edited.Author));
        Assert.Equal(NamesAndAddresses, (await store.GetPublishedAsync(Ct))!.PolicyText);
        await Assert.ThrowsAsync<InvalidOperationException>(() => admin.UpdateDraftAsync(draft.Number, "o", "late", NamesOnly, cancellationToken: Ct));
        Assert.True((await admin.VerifyAsync(Ct)).IsIntact);
    }

    [Fact]
    public async Task PublishAsync_DraftEditedAfterItWasChecked_ConflictAndNothingPublished()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var store = Store(database);
        var admin = Administration(store);
        var checkedDraft = await admin.CreateDraftAsync("o", "a", Model, NamesOnly, cancellationToken: Ct);
        await Administration(Store(database)).UpdateDraftAsync(checkedDraft.Number, "o2", "meanwhile", Broken, cancellationToken: Ct);

        await Assert.ThrowsAsync<PolicyVersionConflictException>(() => store.PublishAsync(checkedDraft, null, DateTimeOffset.UtcNow, "o", PolicyAuditAction.Published, "ok", Ct));

        Assert.Null(await store.GetPublishedNumberAsync(Ct));
        Assert.Equal(PolicyVersionState.Draft, (await store.GetAsync(checkedDraft.Number, Ct))!.State);
    }

    [Fact]
    public async Task PublishAsync_TwoNodesPublishDraftsOfTheSameVersionAtOnce_ExactlyOneWins()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var (node1, node2) = (Administration(Store(database)), Administration(Store(database)));
        var v1 = await node1.CreateDraftAsync("o", "initial", Model, NamesOnly, cancellationToken: Ct);
        await node1.ApproveAndPublishAsync(v1.Number, "o", "ok", Ct);
        var a = await node1.CreateDraftAsync("officer-a", "addresses", Model, NamesAndAddresses, v1.Number, Ct);
        var b = await node2.CreateDraftAsync("officer-b", "names again", Model, NamesOnly + "# b\n", v1.Number, Ct);

        var outcomes = await Task.WhenAll(Outcome(node1.ApproveAndPublishAsync(a.Number, "officer-a", "go", Ct)), Outcome(node2.ApproveAndPublishAsync(b.Number, "officer-b", "go", Ct)));

        var winner = Assert.Single(outcomes, o => o.Published is not null).Published!;
        Assert.IsType<PolicyVersionConflictException>(Assert.Single(outcomes, o => o.Error is not null).Error);
        var store = Store(database);
        Assert.Equal(winner.Number, await store.GetPublishedNumberAsync(Ct));
        Assert.Single(await store.ListAsync(Ct), v => v.State == PolicyVersionState.Published);
        Assert.Single(await store.AuditTrailAsync(Ct), r => r.Action == PolicyAuditAction.PublishRejected);
        Assert.True((await node2.VerifyAsync(Ct)).IsIntact);
    }

    [Fact]
    public async Task PublishAsync_TwoStoresReplacingTheSameVersionAtOnce_ExactlyOneWins()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var (store1, store2) = (Store(database), Store(database));
        var admin = Administration(store1);
        var v1 = await admin.CreateDraftAsync("o", "initial", Model, NamesOnly, cancellationToken: Ct);
        await admin.ApproveAndPublishAsync(v1.Number, "o", "ok", Ct);
        var a = await admin.CreateDraftAsync("o", "a", Model, NamesAndAddresses, cancellationToken: Ct);
        var b = await admin.CreateDraftAsync("o", "b", Model, NamesOnly + "# b\n", cancellationToken: Ct);

        var outcomes = await Task.WhenAll(
            Outcome(store1.PublishAsync(a, v1.Number, DateTimeOffset.UtcNow, "o", PolicyAuditAction.Published, "a", Ct)),
            Outcome(store2.PublishAsync(b, v1.Number, DateTimeOffset.UtcNow, "o", PolicyAuditAction.Published, "b", Ct)));

        var winner = Assert.Single(outcomes, o => o.Published is not null).Published!;
        Assert.IsType<PolicyVersionConflictException>(Assert.Single(outcomes, o => o.Error is not null).Error);
        Assert.Equal(winner.Number, await store1.GetPublishedNumberAsync(Ct));
        Assert.Single(await store2.ListAsync(Ct), v => v.State == PolicyVersionState.Published);
        Assert.Null(PolicyAuditChain.Verify(await store2.AuditTrailAsync(Ct)));
    }

    [Fact]
    public async Task RollbackAndDiff_ThroughTheStore_PublishCopyAndCompareStoredVersions()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var admin = Administration(Store(database));
        var v1 = await admin.CreateDraftAsync("o", "a", Model, NamesOnly, cancellationToken: Ct);
        await admin.ApproveAndPublishAsync(v1.Number, "o", "a", Ct);
        var v2 = await admin.CreateDraftAsync("o", "b", Model, NamesAndAddresses, v1.Number, Ct);
        await admin.ApproveAndPublishAsync(v2.Number, "o", "b", Ct);

        var v3 = await Administration(Store(database)).RollbackAsync(v1.Number, "o", "addresses shown by mistake", Ct);
        var diff = await Administration(Store(database)).DiffAsync(v2.Number, v3.Number, Ct);

        var store = Store(database);
        Assert.Equal((3, PolicyVersionState.Published, v1.Number, NamesOnly), (v3.Number, v3.State, v3.BasedOn, v3.PolicyText));
        Assert.Equal(3, await store.GetPublishedNumberAsync(Ct));
        Assert.Equal(PolicyVersionState.Superseded, (await store.GetAsync(v2.Number, Ct))!.State);
        Assert.Equal(PolicyAuditAction.RolledBack, (await store.AuditTrailAsync(Ct))[^1].Action);
        Assert.False(diff.ModelChanged);
        Assert.Empty(diff.Added);
        Assert.Equal("resident.address", Assert.Single(diff.Removed).Values[2]);
    }

    [Fact]
    public async Task VerifyAsync_AuditRowEditedInTheDatabase_ReportsItsSequence()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var admin = Administration(Store(database));
        var v1 = await admin.CreateDraftAsync("o", "a", Model, NamesOnly, cancellationToken: Ct);
        await admin.ApproveAndPublishAsync(v1.Number, "o", "a", Ct);
        await admin.CreateDraftAsync("o", "b", Model, NamesAndAddresses, v1.Number, Ct);

        await using (var db = database.CreateContext())
        {
            await db.PolicyAuditRecords.Where(r => r.Sequence == 2).ExecuteUpdateAsync(s => s.SetProperty(r => r.Actor, "mallory"), Ct);
        }

        var verification = await admin.VerifyAsync(Ct);
        Assert.False(verification.IsIntact);
        Assert.Equal(2, verification.BrokenAt);
    }

    [Fact]
    public async Task VerifyAsync_VersionTextEditedInTheDatabase_ReportsTheVersion()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var admin = Administration(Store(database));
        var v1 = await admin.CreateDraftAsync("o", "a", Model, NamesOnly, cancellationToken: Ct);
        await admin.ApproveAndPublishAsync(v1.Number, "o", "a", Ct);

        await using (var db = database.CreateContext())
        {
            await db.PolicyVersions.Where(v => v.Number == v1.Number)
                .ExecuteUpdateAsync(s => s.SetProperty(v => v.PolicyText, NamesOnly + "p, role:a, t, resident.myNumber, read, allow, none\n"), Ct);
        }

        var verification = await admin.VerifyAsync(Ct);
        Assert.Null(verification.BrokenAt);
        Assert.Equal([v1.Number], verification.AlteredVersions);
    }

    [Fact]
    public async Task SeedAsync_TwoNodesOnAnEmptyDatabase_DefaultPolicySeededOnceAsPublishedVersionOne()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var (node1, node2) = (Administration(Store(database)), Administration(Store(database)));

        var seeded = await Task.WhenAll(
            node1.SeedAsync("hub", "default", Model, DefaultPolicy, Ct),
            node2.SeedAsync("hub", "default", Model, DefaultPolicy, Ct));
        var again = await node1.SeedAsync("hub", "default", Model, DefaultPolicy, Ct);

        Assert.Single(seeded, s => s is not null);
        Assert.Null(again);
        var store = Store(database);
        var version = Assert.Single(await store.ListAsync(Ct));
        Assert.Equal((1, PolicyVersionState.Published, DefaultPolicy), (version.Number, version.State, version.PolicyText));
        Assert.Equal(1, await store.GetPublishedNumberAsync(Ct));
        Assert.Equal([PolicyAuditAction.DraftCreated, PolicyAuditAction.Published], (await store.AuditTrailAsync(Ct)).Select(r => r.Action));
        Assert.True((await node2.VerifyAsync(Ct)).IsIntact);
    }

    [Fact]
    public async Task SeedAsync_PolicyThatFailsToCheck_NothingSeeded()
    {
        await using var database = await TestDatabase.CreateAsync(Provider);
        var store = Store(database);

        await Assert.ThrowsAsync<PolicyPublicationException>(() => Administration(store).SeedAsync("hub", "default", Model, Broken, Ct));

        Assert.Empty(await store.ListAsync(Ct));
        Assert.Null(await store.GetPublishedNumberAsync(Ct));
    }

    private static async Task<(PolicyVersion? Published, Exception? Error)> Outcome(Task<PolicyVersion> publication)
    {
        try
        {
            return (await publication, null);
        }
        catch (PolicyVersionConflictException e)
        {
            return (null, e);
        }
    }
}
