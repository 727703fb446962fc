namespace Hub.Capabilities.Prefill;

/// <summary>A form the hub pre-fills (<c>schemas/forms/*.json</c>), e.g. 児童手当認定請求書.</summary>
/// <param name="Id">The <c>formId</c>, equal to the file name without <c>.json</c>.</param>
/// <param name="Title">様式名.</param>
/// <param name="Task">The task (事務コード) the form belongs to: the default policy gives it every path the form reads.</param>
/// <param name="Items">Items about the applicant (the resident asked about).</param>
/// <param name="HouseholdMembers">Items filled for every household member; null when the form has none.</param>
public sealed record FormDefinition(string Id, string Title, string Task, IReadOnlyList<FormItem> Items, FormMemberSection? HouseholdMembers)
{
    /// <summary>Items filled for the applicant's spouse (配偶者), chosen by 続柄 in the household; null when the form has none.</summary>
    public FormMemberSection? Spouse { get; init; }

    /// <summary>Every item of every section, in form order.</summary>
    public IEnumerable<FormItem> AllItems => Items.Concat(HouseholdMembers?.Items ?? []).Concat(Spouse?.Items ?? []);

    /// <summary>
    /// Every catalog path the form reads: its items' paths, <c>household.members</c> when it lists members or a spouse,
    /// <c>resident.relationship</c> when it chooses a spouse, <c>resident.residentKind</c> when an item is for foreign
    /// residents only. Applicant answers read nothing.
    /// </summary>
    public IReadOnlyList<string> Paths =>
        [.. AllItems.Where(i => i.Path is not null).Select(i => i.Path!)
            .Concat(HouseholdMembers is null && Spouse is null ? [] : [FormCatalog.MembersPath])
            .Concat(Spouse is null ? [] : [SpouseChoice.RelationshipPath])
            .Concat(AllItems.Any(i => i.Applies == FormItemCondition.ForeignResident) ? [FormItemConditions.ResidentKindPath] : [])
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The items no core system holds (申請者が記入), by label: always UNAVAILABLE.</summary>
    public IReadOnlyList<FormItem> ApplicantAnswers => [.. AllItems.Where(i => i.IsApplicantAnswer)];
}
