namespace Hub.Capabilities.Prefill;

/// <summary>A form the hub pre-fills (<c>schemas/forms/*.json</c>), e.g. 児童手当認定請求書.</summary>
/// <param name="Id">The <c>formId</c>, equal to the file name without <c>.json</c>.</param>
/// <param name="Title">様式名.</param>
/// <param name="Items">Items about the applicant (the resident asked about).</param>
/// <param name="HouseholdMembers">Items filled for every household member; null when the form has none.</param>
public sealed record FormDefinition(string Id, string Title, IReadOnlyList<FormItem> Items, FormMemberSection? HouseholdMembers)
{
    /// <summary>Every catalog path the form reads, <c>household.members</c> included when it lists members.</summary>
    public IReadOnlyList<string> Paths =>
        [.. Items.Concat(HouseholdMembers?.Items ?? []).Select(i => i.Path)
            .Concat(HouseholdMembers is null ? [] : [FormCatalog.MembersPath])
            .Distinct(StringComparer.Ordinal)];
}
