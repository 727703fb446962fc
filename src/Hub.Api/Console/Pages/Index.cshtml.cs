using Hub.Policy.Administration;
using Microsoft.AspNetCore.Mvc;

namespace Hub.Api.PrivacyConsole.Pages;

/// <summary>版と決裁: every version with its four-eyes actions, the node versions, rollback, and the policy audit trail.</summary>
public sealed class IndexModel(PolicyAdministration administration, IPolicyVersionStore store, IPolicyNodeRegistry nodes) : ConsolePageModel
{
    /// <summary>Newest first.</summary>
    public IReadOnlyList<PolicyVersion> Versions { get; private set; } = [];

    /// <summary>Per node.</summary>
    public IReadOnlyList<PolicyNodeStatus> Nodes { get; private set; } = [];

    /// <summary>The last records of the policy audit trail, newest first.</summary>
    public IReadOnlyList<PolicyAuditRecord> Trail { get; private set; } = [];

    /// <summary>Whether the trail and every version's text are intact.</summary>
    public bool Intact { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Versions = (await store.ListAsync(cancellationToken)).OrderByDescending(v => v.Number).ToList();
        Nodes = await nodes.ListAsync(cancellationToken);
        Trail = (await store.AuditTrailAsync(cancellationToken)).Reverse().Take(30).ToList();
        Intact = (await administration.VerifyAsync(cancellationToken)).IsIntact;
    }

    public async Task<IActionResult> OnPostCreateAsync([FromForm] string? reason, CancellationToken cancellationToken)
    {
        var created = 0;
        var result = await ActAsync(
            async () =>
            {
                var basis = await store.GetPublishedAsync(cancellationToken) ?? throw new InvalidOperationException("公開中の版がありません");
                created = (await administration.CreateDraftAsync(Officer, reason ?? string.Empty, basis.ModelText, basis.PolicyText, basis.Number, cancellationToken)).Number;
            },
            "下書きを作成しました。",
            ConsoleExtensions.Path);
        return created > 0 ? LocalRedirect($"{ConsoleExtensions.Path}/drafts/{created}") : result;
    }

    public Task<IActionResult> OnPostApproveAsync([FromForm] int version, [FromForm] string? reason, CancellationToken cancellationToken) =>
        ActAsync(() => administration.ApproveAsync(version, Officer, reason ?? string.Empty, cancellationToken), $"版 {version} を決裁しました。", ConsoleExtensions.Path);

    public Task<IActionResult> OnPostReturnAsync([FromForm] int version, [FromForm] string? reason, CancellationToken cancellationToken) =>
        ActAsync(() => administration.ReturnAsync(version, Officer, reason ?? string.Empty, cancellationToken), $"版 {version} を差し戻しました。", ConsoleExtensions.Path);

    public Task<IActionResult> OnPostPublishAsync([FromForm] int version, [FromForm] string? reason, CancellationToken cancellationToken) =>
        ActAsync(() => administration.PublishAsync(version, Officer, reason ?? string.Empty, cancellationToken), $"版 {version} を公開しました。各ノードは数秒以内に適用します。", ConsoleExtensions.Path);

    public Task<IActionResult> OnPostRollbackAsync([FromForm] int version, [FromForm] string? reason, CancellationToken cancellationToken) =>
        ActAsync(() => administration.RollbackAsync(version, Officer, reason ?? string.Empty, cancellationToken), $"版 {version} の内容に戻しました (新しい版として公開)。", ConsoleExtensions.Path);
}
