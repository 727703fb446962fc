using Hub.Policy.Administration;
using Hub.Policy.Catalog;
using Hub.Policy.Invariants;
using Hub.Policy.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Policy.Tests.Administration;

/// <summary>Four eyes (起案 → 審査 → 決裁) on the in-memory store: who may approve, what blocks submission and approval, and the trail.</summary>
public sealed class PolicyReviewTests
{
    private static readonly string Model = File.ReadAllText(HubPolicyFiles.Model);
    private const string V1 = "p, role:a, t, resident.name, read, allow, 住民基本台帳法\ng, u, role:a, t\n";
    private const string V2 = "p, role:a, t, resident.*, read, allow, 住民基本台帳法\ng, u, role:a, t\n";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.FromHours(9)));
    private readonly InMemoryPolicyVersionStore _store;
    private readonly FieldCatalog _catalog = new([("resident.name", "基本4情報"), ("resident.address", "基本4情報"), ("resident.myNumber", FieldCatalog.MyNumberClassification)]);

    public PolicyReviewTests() => _store = new InMemoryPolicyVersionStore(_time);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private PolicyAdministration Admin(InvariantSet? invariants = null) => new(_store, _catalog, _time, null, invariants);

    private async Task<PolicyVersion> DraftAsync(PolicyAdministration admin, string text = V2)
    {
        var v1 = await admin.CreateDraftAsync("author", "initial", Model, V1, cancellationToken: Ct);
        await admin.ApproveAndPublishAsync(v1.Number, "author", "initial", Ct);
        return await admin.CreateDraftAsync("author", "住所も", Model, text, v1.Number, Ct);
    }

    [Fact]
    public async Task SubmitApprovePublish_BySecondOfficer_PublishedAndEveryStepInTheTrail()
    {
        var admin = Admin();
        var draft = await DraftAsync(admin);

        var submitted = await admin.SubmitAsync(draft.Number, "author", "審査をお願いします", Ct);
        var approved = await admin.ApproveAsync(draft.Number, "reviewer", "決裁", Ct);
        var published = await admin.PublishAsync(draft.Number, "author", "公開", Ct);

        Assert.Equal((PolicyVersionState.InReview, PolicyVersionState.Approved, PolicyVersionState.Published), (submitted.State, approved.State, published.State));
        var steps = (await _store.AuditTrailAsync(Ct)).Where(r => r.Version == draft.Number).Select(r => (r.Action, r.Actor)).ToList();
        Assert.Equal([(PolicyAuditAction.DraftCreated, "author"), (PolicyAuditAction.Submitted, "author"), (PolicyAuditAction.Approved, "reviewer"), (PolicyAuditAction.Published, "author")], steps);
        Assert.True((await admin.VerifyAsync(Ct)).IsIntact);
    }

    [Fact]
    public async Task ApproveAsync_ByTheAuthor_RefusedRecordedAndStaysInReview()
    {
        var admin = Admin();
        var draft = await DraftAsync(admin);
        await admin.SubmitAsync(draft.Number, "author", "審査", Ct);

        var refused = await Assert.ThrowsAsync<PolicyReviewException>(() => admin.ApproveAsync(draft.Number, "author", "自分で決裁", Ct));

        Assert.Contains("another officer", Assert.Single(refused.Problems), StringComparison.Ordinal);
        Assert.Equal(PolicyVersionState.InReview, (await _store.GetAsync(draft.Number, Ct))!.State);
        var last = (await _store.AuditTrailAsync(Ct))[^1];
        Assert.Equal((PolicyAuditAction.ReviewRefused, "author"), (last.Action, last.Actor));
    }

    [Fact]
    public async Task ApproveAsync_ByAnOfficerWhoEditedTheDraft_Refused()
    {
        var admin = Admin();
        var draft = await DraftAsync(admin);
        await admin.UpdateDraftAsync(draft.Number, "editor", "直しました", V2 + "# edited\n", cancellationToken: Ct);
        await admin.SubmitAsync(draft.Number, "author", "審査", Ct);

        await Assert.ThrowsAsync<PolicyReviewException>(() => admin.ApproveAsync(draft.Number, "editor", "決裁", Ct));

        Assert.Equal(PolicyVersionState.Approved, (await admin.ApproveAsync(draft.Number, "reviewer", "決裁", Ct)).State);
    }

    [Fact]
    public async Task PublishAsync_DraftNotApproved_RefusedRecordedAndVersionInForceStays()
    {
        var admin = Admin();
        var draft = await DraftAsync(admin);
        var inForce = await _store.GetPublishedNumberAsync(Ct);

        var refused = await Assert.ThrowsAsync<PolicyReviewException>(() => admin.PublishAsync(draft.Number, "author", "急ぎ", Ct));
        await admin.SubmitAsync(draft.Number, "author", "審査", Ct);
        await Assert.ThrowsAsync<PolicyReviewException>(() => admin.PublishAsync(draft.Number, "author", "急ぎ", Ct));

        Assert.Contains("not approved", refused.Problems[0], StringComparison.Ordinal);
        Assert.Equal(inForce, await _store.GetPublishedNumberAsync(Ct));
        Assert.Equal(PolicyAuditAction.PublishRejected, (await _store.AuditTrailAsync(Ct))[^1].Action);
    }

    [Fact]
    public async Task SubmitAsync_AllowWithoutLegalBasis_RefusedNamingTheLine()
    {
        var admin = Admin();
        var draft = await DraftAsync(admin, V1 + "p, role:a, t, resident.address, read, allow, \n");

        var refused = await Assert.ThrowsAsync<PolicyReviewException>(() => admin.SubmitAsync(draft.Number, "author", "根拠なし", Ct));

        var problem = Assert.Single(refused.Problems);
        Assert.Contains("line 3", problem, StringComparison.Ordinal);
        Assert.Contains("resident.address", problem, StringComparison.Ordinal);
        Assert.Equal(PolicyVersionState.Draft, (await _store.GetAsync(draft.Number, Ct))!.State);
    }

    [Fact]
    public async Task SubmitAsync_BlankReason_RefusedAndNothingRecorded()
    {
        var admin = Admin();
        var draft = await DraftAsync(admin);
        var before = (await _store.AuditTrailAsync(Ct)).Count;

        await Assert.ThrowsAsync<PolicyReasonException>(() => admin.SubmitAsync(draft.Number, "author", "  ", Ct));

        Assert.Equal(before, (await _store.AuditTrailAsync(Ct)).Count);
    }

    [Fact]
    public async Task ReturnAsync_VersionInReview_DraftAgainAndEditable_WhileInReviewItIsNot()
    {
        var admin = Admin();
        var draft = await DraftAsync(admin);
        await admin.SubmitAsync(draft.Number, "author", "審査", Ct);

        await Assert.ThrowsAsync<InvalidOperationException>(() => admin.UpdateDraftAsync(draft.Number, "author", "審査中に修正", V1, cancellationToken: Ct));
        var returned = await admin.ReturnAsync(draft.Number, "reviewer", "根拠を確認してください", Ct);
        var edited = await admin.UpdateDraftAsync(draft.Number, "author", "修正", V1 + "# fixed\n", cancellationToken: Ct);

        Assert.Equal((PolicyVersionState.Draft, PolicyVersionState.Draft), (returned.State, edited.State));
        Assert.Contains((await _store.AuditTrailAsync(Ct)), r => r.Action == PolicyAuditAction.Returned && r.Actor == "reviewer");
    }

    [Fact]
    public async Task ApproveAsync_InvariantViolated_RefusedNamingACounterexample()
    {
        var invariants = InvariantSet.Parse("id,subjects,tasks,fields,actions,statement\nno-address-in-t,*,t,resident.address,read,t では住所を読まない\n", _catalog);
        var admin = Admin(invariants);
        var draft = await DraftAsync(admin);
        await admin.SubmitAsync(draft.Number, "author", "審査", Ct);

        var refused = await Assert.ThrowsAsync<PolicyReviewException>(() => admin.ApproveAsync(draft.Number, "reviewer", "決裁", Ct));

        var problem = Assert.Single(refused.Problems);
        Assert.Contains("no-address-in-t", problem, StringComparison.Ordinal);
        Assert.Contains("may read resident.address in task t", problem, StringComparison.Ordinal);
        Assert.Equal(PolicyVersionState.InReview, (await _store.GetAsync(draft.Number, Ct))!.State);
    }
}
