using Hub.Adapters.Catalog;
using Hub.Capabilities.Records;

namespace Hub.Capabilities.Prefill;

/// <summary>
/// Whether a form's own task may fill it: every path the pre-fill reads for it must be readable — each item's path, the
/// paths that choose the item's record (<see cref="RecordSelection"/>), <c>household.members</c> for a member or spouse
/// section, 続柄 for the spouse choice and 住民種別 for an item for foreign residents only. A path the task may not read
/// leaves its items WITHHELD on the task's own form.
/// </summary>
public static class FormTaskCheck
{
    /// <summary>Every path <paramref name="form"/> needs read on (deciding paths included), in a stable order.</summary>
    public static IReadOnlyList<string> NeededPaths(FormDefinition form, FieldCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. form.Paths
            .Concat(form.AllItems.Where(i => !i.IsApplicantAnswer).SelectMany(i => RecordSelection.Paths(i.Record!, catalog)))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <summary>The needed paths <paramref name="mayRead"/> refuses: empty when the task may fill the whole form.</summary>
    public static IReadOnlyList<string> Withheld(FormDefinition form, FieldCatalog catalog, Func<string, bool> mayRead)
    {
        ArgumentNullException.ThrowIfNull(mayRead);
        return [.. NeededPaths(form, catalog).Where(p => !mayRead(p))];
    }
}
