using Hub.Adapters.Catalog;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Layouts;

/// <summary>Options of a <see cref="LayoutFileAdapter"/>: which layout, which export.</summary>
public sealed class LayoutFileOptions : AdapterOptions
{
    /// <summary>Path of the layout file (<c>schemas/adapters/x.layout.json</c>). Required unless <see cref="Layout"/> is set.</summary>
    public string? LayoutPath { get; set; }

    /// <summary>The layout itself, instead of <see cref="LayoutPath"/> (built-in adapters use their embedded layouts).</summary>
    public LayoutDefinition? Layout { get; set; }

    /// <summary>The export: one file, or a folder whose files matching the layout's <c>filePattern</c> are read in name order. Required.</summary>
    public string DataPath { get; set; } = string.Empty;

    /// <summary>The 外字 table, overriding the layout's <c>gaijiTable</c>. Default: the layout's, relative to the export's folder.</summary>
    public string? GaijiTablePath { get; set; }

    /// <summary>Overrides the layout's check-digit setting when set. Default: the layout's.</summary>
    public bool? VerifyCheckDigits { get; set; }

    /// <summary>
    /// The field catalog that declares the layout's <c>recordKind</c> when it is a kind declared as data (e.g.
    /// <c>longTermCare</c>): the hub passes its own. Default: <see cref="FieldCatalog.LoadDefault"/>, read only for such a layout.
    /// </summary>
    public FieldCatalog? Catalog { get; set; }

    /// <summary>The layout to use: <see cref="Layout"/>, or the file at <see cref="LayoutPath"/>.</summary>
    public LayoutDefinition ResolveLayout() => Layout ?? LayoutLoader.Load(LayoutPath!, Catalog);

    /// <inheritdoc />
    protected override void Validate(List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (Layout is null && string.IsNullOrWhiteSpace(LayoutPath))
        {
            problems.Add("LayoutPath is required.");
        }
        else if (Layout is null)
        {
            try
            {
                LayoutLoader.Load(LayoutPath!, Catalog);
            }
            catch (LayoutException ex)
            {
                problems.Add($"LayoutPath: {ex.Message}");
            }
        }
        else
        {
            problems.AddRange(LayoutLoader.Check(Layout, Catalog).Select(p => "Layout: " + p));
        }

        if (string.IsNullOrWhiteSpace(DataPath))
        {
            problems.Add("DataPath (the export file or folder) is required.");
        }
    }
}
