using Hub.Policy.Administration;
using Microsoft.AspNetCore.Mvc;
using AdapterCatalog = Hub.Adapters.Catalog.FieldCatalog;
using PolicyCatalog = Hub.Policy.Catalog.FieldCatalog;

namespace Hub.Api.PrivacyConsole.Pages;

/// <summary>
/// 事務 × 項目: rows are (task, role), columns catalog fields grouped by record and classification (基本4情報, 個人番号, 税 …);
/// each cell shows read / extract / lookup with the legal basis of the deciding rule. Filter by role and by field.
/// </summary>
public sealed class MatrixModel(IPolicyVersionStore store, PolicyCatalog policyCatalog, AdapterCatalog catalog) : ConsolePageModel
{
    /// <summary>Text a role must contain.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Role { get; set; }

    /// <summary>Text a field path must contain.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Field { get; set; }

    /// <summary>The version shown (default: in force).</summary>
    [BindProperty(SupportsGet = true)]
    public int? Version { get; set; }

    /// <summary>The version shown.</summary>
    public PolicyVersion? Shown { get; private set; }

    /// <summary>The rows.</summary>
    public IReadOnlyList<PolicyMatrixRow> Rows { get; private set; } = [];

    /// <summary>The columns, grouped by record then classification.</summary>
    public IReadOnlyList<Hub.Adapters.Catalog.CatalogField> Columns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Shown = Version is { } n ? await store.GetAsync(n, cancellationToken) : await store.GetPublishedAsync(cancellationToken);
        if (Shown is null)
        {
            Problem = "表示する版がありません。";
            return;
        }

        try
        {
            Rows = PolicyMatrix.Build(PolicyAdministration.Build(Shown), policyCatalog, Role, Field);
        }
        catch (Exception e) when (e is Hub.Policy.Model.PolicyFormatException or ArgumentException)
        {
            Problem = "この版は読めません: " + e.Message;
            return;
        }

        var paths = Rows.FirstOrDefault()?.Cells.Keys.ToHashSet(StringComparer.Ordinal) ?? [];
        Columns = catalog.Fields.Where(f => paths.Contains(f.Path)).OrderBy(f => f.Record, StringComparer.Ordinal).ThenBy(f => f.Classification, StringComparer.Ordinal).ToList();
    }
}
