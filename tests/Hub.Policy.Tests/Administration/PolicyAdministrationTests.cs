using Hub.Policy.Administration;
using Hub.Policy.Catalog;
using Hub.Policy.Masks;
using Hub.Policy.Ordinances;
using Hub.Policy.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Policy.Tests.Administration;

public sealed class PolicyAdministrationTests
{
    private static readonly string Model = File.ReadAllText(HubPolicyFiles.Model);
    private const string V1 = "p, role:a, t, resident.*, read, allow, 住民基本台帳法\ng, u, role:a, t\n";
    private const string V2 = "p, role:a, t, resident.name, read, allow, 住民基本台帳法\ng, u, role:a, t\n";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.FromHours(9)));
    private readonly InMemoryPolicyVersionStore _store;
    private readonly FieldCatalog _catalog = new([("resident.name", "基本4情報"), ("resident.address", "基本4情報"), ("resident.myNumber", FieldCatalog.MyNumberClassification)]);

    public PolicyAdministrationTests() => _store = new InMemoryPolicyVersionStore(_time);

    private PolicyAdministration Admin(OrdinanceTable? table = null) => new(_store, _catalog, _time, table);

    [Fact]
    public async Task PublishAsync_Draft_BecomesTheVersionInForceAndSupersedesThePrevious()
    {
        var admin = Admin();
        var v1 = await admin.CreateDraftAsync("officer1", "initial", Model, V1, cancellationToken: TestContext.Current.CancellationToken);
        await admin.ApproveAndPublishAsync(v1.Number, "officer2", "approved", TestContext.Current.CancellationToken);
        var v2 = await admin.CreateDraftAsync("officer1", "narrow", Model, V2, v1.Number, TestContext.Current.CancellationToken);

        _time.Advance(TimeSpan.FromMinutes(5));
        var published = await admin.ApproveAndPublishAsync(v2.Number, "officer2", "approved", TestContext.Current.CancellationToken);

        Assert.Equal(PolicyVersionState.Published, published.State);
        Assert.Equal(_time.GetUtcNow(), published.PublishedAt);
        Assert.Equal(PolicyVersionState.Superseded, (await _store.GetAsync(v1.Number, TestContext.Current.CancellationToken))!.State);
        Assert.Equal(v2.Number, (await _store.GetPublishedAsync(TestContext.Current.CancellationToken))!.Number);
    }

    [Fact]
    public async Task SubmitAsync_VersionWithErrors_RefusedAuditedAndCurrentStays()
    {
        var admin = Admin();
        var good = await admin.CreateDraftAsync("o", "initial", Model, V1, cancellationToken: TestContext.Current.CancellationToken);
        await admin.ApproveAndPublishAsync(good.Number, "o", "ok", TestContext.Current.CancellationToken);
        var bad = await admin.CreateDraftAsync("o", "typo", Model, "p, role:a, t, resident.name, read\n", cancellationToken: TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<PolicyReviewException>(() => admin.ApproveAndPublishAsync(bad.Number, "o", "try", TestContext.Current.CancellationToken));

        Assert.Contains("(1,", ex.Problems[0], StringComparison.Ordinal);
        Assert.Equal(good.Number, (await _store.GetPublishedAsync(TestContext.Current.CancellationToken))!.Number);
        Assert.Equal(PolicyVersionState.Draft, (await _store.GetAsync(bad.Number, TestContext.Current.CancellationToken))!.State);
        var trail = await _store.AuditTrailAsync(TestContext.Current.CancellationToken);
        Assert.Equal(PolicyAuditAction.ReviewRefused, trail[^1].Action);
        Assert.Null(PolicyAuditChain.Verify(trail));
    }

    [Fact]
    public async Task SubmitAsync_MyNumberOutsideOrdinanceTable_Refused()
    {
        var table = OrdinanceTable.Parse("task,field,actions,basis\nt,resident.myNumber,lookup,番号法 第9条");
        var admin = Admin(table);
        var draft = await admin.CreateDraftAsync("o", "x", Model, "p, role:a, t, resident.myNumber, lookup, allow, 番号法 第9条\np, role:a, t2, resident.*, read, allow, x\ng, u, role:a, t\ng, u, role:a, t2", cancellationToken: TestContext.Current.CancellationToken);

        var ex = await Assert.ThrowsAsync<PolicyReviewException>(() => admin.ApproveAndPublishAsync(draft.Number, "o", "x", TestContext.Current.CancellationToken));

        var error = Assert.Single(ex.Problems);
        Assert.Contains("(2,", error, StringComparison.Ordinal);
        Assert.Contains("t2", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollbackAsync_EarlierVersion_PublishedAsNewVersionWithSameContent()
    {
        var admin = Admin();
        var v1 = await admin.CreateDraftAsync("o", "a", Model, V1, cancellationToken: TestContext.Current.CancellationToken);
        await admin.ApproveAndPublishAsync(v1.Number, "o", "a", TestContext.Current.CancellationToken);
        var v2 = await admin.CreateDraftAsync("o", "b", Model, V2, cancellationToken: TestContext.Current.CancellationToken);
        await admin.ApproveAndPublishAsync(v2.Number, "o", "b", TestContext.Current.CancellationToken);

        var v3 = await admin.RollbackAsync(v1.Number, "o", "b broke the counter", TestContext.Current.CancellationToken);

        Assert.Equal(3, v3.Number);
        Assert.Equal(V1, v3.PolicyText);
        Assert.Equal(v1.Number, v3.BasedOn);
        Assert.Equal(PolicyAuditAction.RolledBack, (await _store.AuditTrailAsync(TestContext.Current.CancellationToken))[^1].Action);
    }

    [Fact]
    public async Task DiffAsync_TwoVersions_ListsAddedAndRemovedRules()
    {
        var admin = Admin();
        var v1 = await admin.CreateDraftAsync("o", "a", Model, V1, cancellationToken: TestContext.Current.CancellationToken);
        var v2 = await admin.CreateDraftAsync("o", "b", Model, V2, cancellationToken: TestContext.Current.CancellationToken);

        var diff = await admin.DiffAsync(v1.Number, v2.Number, TestContext.Current.CancellationToken);

        Assert.False(diff.ModelChanged);
        Assert.Equal("resident.name", Assert.Single(diff.Added).Values[2]);
        Assert.Equal("resident.*", Assert.Single(diff.Removed).Values[2]);
    }

    [Fact]
    public async Task PreviewAsync_NarrowingDraft_ListsLostDecisionsAndFormItems()
    {
        var admin = Admin();
        var v1 = await admin.CreateDraftAsync("o", "a", Model, V1, cancellationToken: TestContext.Current.CancellationToken);
        await admin.ApproveAndPublishAsync(v1.Number, "o", "a", TestContext.Current.CancellationToken);
        var v2 = await admin.CreateDraftAsync("o", "b", Model, V2, cancellationToken: TestContext.Current.CancellationToken);
        var forms = new Dictionary<string, IReadOnlyList<string>> { ["転入届"] = ["resident.name", "resident.address"] };

        var preview = await admin.PreviewAsync(v2.Number, forms, TestContext.Current.CancellationToken);

        Assert.Equal(v1.Number, preview.Against);
        Assert.Equal(["resident.address", "resident.myNumber"], preview.Decisions.Select(d => d.Field));
        Assert.All(preview.Decisions, d => Assert.True(d.Before && !d.After && d.Action == "read" && d.User == "u" && d.Task == "t"));
        var item = Assert.Single(preview.FormItems);
        Assert.Equal(("転入届", "resident.address", false), (item.Form, item.Field, item.Gains));
    }

    [Fact]
    public async Task PollOnceAsync_NewPublication_SwapsFieldMasks()
    {
        var admin = Admin();
        var cache = new FieldMaskCache(_catalog.Paths);
        var watcher = new PolicyVersionWatcher(_store, cache, _time);
        var v1 = await admin.CreateDraftAsync("o", "a", Model, V1, cancellationToken: TestContext.Current.CancellationToken);
        await admin.ApproveAndPublishAsync(v1.Number, "o", "a", TestContext.Current.CancellationToken);

        Assert.True(await watcher.PollOnceAsync(TestContext.Current.CancellationToken));
        Assert.True(cache.Get("u", "t").Allows("resident.address"));
        Assert.False(await watcher.PollOnceAsync(TestContext.Current.CancellationToken));

        var v2 = await admin.CreateDraftAsync("o", "b", Model, V2, cancellationToken: TestContext.Current.CancellationToken);
        await admin.ApproveAndPublishAsync(v2.Number, "o", "b", TestContext.Current.CancellationToken);
        Assert.True(await watcher.PollOnceAsync(TestContext.Current.CancellationToken));

        Assert.Equal(v2.Number, watcher.CurrentVersion);
        Assert.False(cache.Get("u", "t").Allows("resident.address"));
    }

    [Fact]
    public async Task RunAsync_PublicationDuringRun_PickedUpWithinFiveSeconds()
    {
        var admin = Admin();
        var cache = new FieldMaskCache(_catalog.Paths);
        var watcher = new PolicyVersionWatcher(_store, cache, _time);
        using var stop = new CancellationTokenSource();
        var run = watcher.RunAsync(stop.Token);
        var v1 = await admin.CreateDraftAsync("o", "a", Model, V1, cancellationToken: TestContext.Current.CancellationToken);
        await admin.ApproveAndPublishAsync(v1.Number, "o", "a", TestContext.Current.CancellationToken);

        for (var i = 0; i < 5 && watcher.CurrentVersion is null; i++)
        {
            _time.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        await stop.CancelAsync();
        await run;
        Assert.Equal(v1.Number, watcher.CurrentVersion);
    }

    [Fact]
    public void Verify_TamperedAuditRecord_ReportsItsSequence()
    {
        var first = PolicyAuditChain.Seal(null, _time.GetUtcNow(), "o", PolicyAuditAction.DraftCreated, 1, "a", null);
        var second = PolicyAuditChain.Seal(first, _time.GetUtcNow(), "o", PolicyAuditAction.Published, 1, "b", null);

        Assert.Null(PolicyAuditChain.Verify([first, second]));
        Assert.Equal(1, PolicyAuditChain.Verify([first with { Actor = "mallory" }, second]));
    }
}
