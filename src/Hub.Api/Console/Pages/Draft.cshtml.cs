using Hub.Policy.Administration;
using Hub.Policy.Persistence;
using Microsoft.AspNetCore.Mvc;
using AdapterCatalog = Hub.Adapters.Catalog.FieldCatalog;

namespace Hub.Api.PrivacyConsole.Pages;

/// <summary>
/// 下書きの編集: grant or revoke one cell (role × task × field × action) with a legal basis and a reason, add or remove a
/// row of the draft's 条例・別表 (ordinance table), or edit the raw
/// CSV (advanced); both change the same stored draft, so they are always in sync. Submitting for review (審査依頼) is here.
/// </summary>
public sealed class DraftModel(PolicyAdministration administration, IPolicyVersionStore store, AdapterCatalog catalog) : ConsolePageModel
{
    /// <summary>The draft.</summary>
    public PolicyVersion? Version { get; private set; }

    /// <summary>Roles the draft names.</summary>
    public IReadOnlyList<string> Roles { get; private set; } = [];

    /// <summary>Tasks the draft names.</summary>
    public IReadOnlyList<string> Tasks { get; private set; } = [];

    /// <summary>The draft's ordinance table (条例・別表), or the file's when it has none of its own.</summary>
    public IReadOnlyList<Hub.Policy.Ordinances.OrdinanceEntry> Ordinances { get; private set; } = [];

    /// <summary>The catalog, for the field list with labels.</summary>
    public AdapterCatalog Catalog => catalog;

    public async Task<IActionResult> OnGetAsync(int number, CancellationToken cancellationToken)
    {
        Version = await store.GetAsync(number, cancellationToken);
        if (Version is null)
        {
            return NotFound();
        }

        Ordinances = administration.OrdinancesOf(Version)?.Entries ?? [];
        try
        {
            var rules = PolicyCsvReader.Parse(Version.PolicyText);
            Roles = rules.Where(r => r.Type == "p" && r.Values.Count > 0).Select(r => r.Values[0]).Distinct().Order(StringComparer.Ordinal).ToList();
            Tasks = rules.Where(r => r.Values.Count > 1).Select(r => r.Type == "p" ? r.Values[1] : r.Values.Count > 2 ? r.Values[2] : r.Values[1]).Distinct().Order(StringComparer.Ordinal).ToList();
        }
        catch (Hub.Policy.Model.PolicyFormatException e)
        {
            Problem ??= "CSV を読めません: " + e.Message;
        }

        return Page();
    }

    public Task<IActionResult> OnPostGrantAsync(int number, [FromForm] CellForm form, CancellationToken cancellationToken) =>
        ActAsync(() => administration.GrantAsync(number, Officer, form.Reason ?? string.Empty, form.Cell, form.Basis ?? string.Empty, cancellationToken), $"{form.Describe()} を許可しました。", Here(number));

    public Task<IActionResult> OnPostRevokeAsync(int number, [FromForm] CellForm form, CancellationToken cancellationToken) =>
        ActAsync(() => administration.RevokeAsync(number, Officer, form.Reason ?? string.Empty, form.Cell, form.Basis ?? string.Empty, cancellationToken), $"{form.Describe()} を取り消しました。", Here(number));

    public Task<IActionResult> OnPostAssignAsync(int number, [FromForm] string? user, [FromForm] string? role, [FromForm] string? task, [FromForm] string? reason, [FromForm] bool remove, CancellationToken cancellationToken) =>
        ActAsync(() => administration.AssignRoleAsync(number, Officer, reason ?? string.Empty, user ?? string.Empty, role ?? string.Empty, task ?? string.Empty, !remove, cancellationToken), remove ? $"{user} から {task} の {role} を外しました。" : $"{user} に {task} の {role} を付与しました。", Here(number));

    public Task<IActionResult> OnPostCsvAsync(int number, [FromForm] string? policyText, [FromForm] string? reason, CancellationToken cancellationToken) =>
        ActAsync(() => administration.UpdateDraftAsync(number, Officer, reason ?? string.Empty, (policyText ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal), cancellationToken: cancellationToken), "CSV を保存しました。", Here(number));

    public Task<IActionResult> OnPostAddOrdinanceAsync(int number, [FromForm] string? task, [FromForm] string? field, [FromForm] string[]? actions, [FromForm] string? basis, [FromForm] string? reason, CancellationToken cancellationToken) =>
        ActAsync(() => administration.AddOrdinanceRowAsync(number, Officer, reason ?? string.Empty, task ?? string.Empty, field ?? string.Empty, actions ?? [], basis ?? string.Empty, cancellationToken), $"条例・別表に {task} / {field} を追加しました。", Here(number));

    public Task<IActionResult> OnPostRemoveOrdinanceAsync(int number, [FromForm] string? task, [FromForm] string? field, [FromForm] string? reason, CancellationToken cancellationToken) =>
        ActAsync(() => administration.RemoveOrdinanceRowAsync(number, Officer, reason ?? string.Empty, task ?? string.Empty, field ?? string.Empty, cancellationToken), $"条例・別表から {task} / {field} を削除しました。", Here(number));

    public async Task<IActionResult> OnPostSubmitAsync(int number, [FromForm] string? reason, CancellationToken cancellationToken)
    {
        var result = await ActAsync(() => administration.SubmitAsync(number, Officer, reason ?? string.Empty, cancellationToken), $"版 {number} を審査に回しました。別の担当者が決裁します。", ConsoleExtensions.Path);
        return Problem is null ? result : LocalRedirect(Here(number));
    }

    private static string Here(int number) => $"{ConsoleExtensions.Path}/drafts/{number}";

    /// <summary>The grant/revoke form.</summary>
    public sealed class CellForm
    {
        public string? Role { get; set; }

        public string? Task { get; set; }

        public string? Field { get; set; }

        public string? Action { get; set; }

        public string? Basis { get; set; }

        public string? Reason { get; set; }

        public PolicyCell Cell => new((Role ?? string.Empty).Trim(), (Task ?? string.Empty).Trim(), (Field ?? string.Empty).Trim(), (Action ?? string.Empty).Trim());

        public string Describe() => $"{Role} / {Task} / {Field} / {ConsoleText.Action(Action ?? string.Empty)}";
    }
}
