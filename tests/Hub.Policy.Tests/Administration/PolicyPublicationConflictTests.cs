using Hub.Policy.Administration;
using Hub.Policy.Catalog;
using Hub.Policy.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace Hub.Policy.Tests.Administration;

/// <summary>Lost updates, drafts edited after their check, seeding and content digests, on the in-memory store.</summary>
public sealed class PolicyPublicationConflictTests
{
    private static readonly string Model = File.ReadAllText(HubPolicyFiles.Model);
    private const string V1 = "p, role:a, t, resident.*, read, allow, 住民基本台帳法\ng, u, role:a, t\n";
    private const string V2 = "p, role:a, t, resident.name, read, allow, 住民基本台帳法\ng, u, role:a, t\n";
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 4, 1, 9, 0, 0, TimeSpan.FromHours(9)));
    private readonly InMemoryPolicyVersionStore _store;
    private readonly PolicyAdministration _admin;

    public PolicyPublicationConflictTests()
    {
        _store = new InMemoryPolicyVersionStore(_time);
        _admin = new PolicyAdministration(_store, new FieldCatalog([("resident.name", "基本4情報"), ("resident.address", "基本4情報")]), _time);
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PublishAsync_DraftBasedOnASupersededVersion_ConflictAuditedAndVersionInForceStays()
    {
        var v1 = await _admin.CreateDraftAsync("o", "a", Model, V1, cancellationToken: Ct);
        await _admin.ApproveAndPublishAsync(v1.Number, "o", "a", Ct);
        var first = await _admin.CreateDraftAsync("o1", "narrow", Model, V2, v1.Number, Ct);
        var second = await _admin.CreateDraftAsync("o2", "same base", Model, V1 + "# edit\n", v1.Number, Ct);
        await _admin.ApproveAndPublishAsync(first.Number, "o1", "ok", Ct);

        var conflict = await Assert.ThrowsAsync<PolicyVersionConflictException>(() => _admin.ApproveAndPublishAsync(second.Number, "o2", "ok", Ct));

        Assert.Equal(second.Number, conflict.Version);
        Assert.Equal(first.Number, await _store.GetPublishedNumberAsync(Ct));
        var last = (await _store.AuditTrailAsync(Ct))[^1];
        Assert.Equal((PolicyAuditAction.PublishRejected, second.Number), (last.Action, last.Version));
        Assert.Contains("based on version 1", last.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishAsync_StoreGivenADraftEditedSinceItWasRead_Conflict()
    {
        var read = await _admin.CreateDraftAsync("o", "a", Model, V1, cancellationToken: Ct);
        await _admin.UpdateDraftAsync(read.Number, "o2", "b", V2, cancellationToken: Ct);

        await Assert.ThrowsAsync<PolicyVersionConflictException>(() => _store.PublishAsync(read, null, _time.GetUtcNow(), "o", PolicyAuditAction.Published, "x", Ct));

        Assert.Null(await _store.GetPublishedNumberAsync(Ct));
    }

    [Fact]
    public async Task SeedAsync_CalledTwice_SeedsVersionOnePublishedOnce()
    {
        var first = await _admin.SeedAsync("hub", "default", Model, V1, Ct);
        var second = await _admin.SeedAsync("hub", "default", Model, V2, Ct);

        Assert.Equal((1, PolicyVersionState.Published), (first!.Number, first.State));
        Assert.Null(second);
        Assert.Equal([PolicyAuditAction.DraftCreated, PolicyAuditAction.Published], (await _store.AuditTrailAsync(Ct)).Select(r => r.Action));
        Assert.True((await _admin.VerifyAsync(Ct)).IsIntact);
    }

    [Fact]
    public async Task VerifyVersions_TextDifferentFromTheSealedDigest_ReportsTheVersion()
    {
        var v1 = await _admin.CreateDraftAsync("o", "a", Model, V1, cancellationToken: Ct);
        var trail = await _store.AuditTrailAsync(Ct);

        Assert.Empty(PolicyAuditChain.VerifyVersions(trail, [v1]));
        Assert.Equal([v1.Number], PolicyAuditChain.VerifyVersions(trail, [v1 with { PolicyText = V2 }]));
    }
}
