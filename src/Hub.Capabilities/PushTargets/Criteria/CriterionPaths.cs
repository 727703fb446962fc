namespace Hub.Capabilities.PushTargets.Criteria;

/// <summary>
/// The catalog paths a criterion reads to select residents. A list filtered on a field discloses that field for every
/// resident on it (and a count, for every resident counted), so extraction needs <c>extract</c> on each of these paths,
/// and the access record of a list names them.
/// </summary>
public static class CriterionPaths
{
    /// <summary>What every list reads to know who is a resident on the reference date (消除 residents are not).</summary>
    public static IReadOnlyList<string> Population { get; } = [Status];

    private const string AreaCode = "resident.areaCode";
    private const string PostalCode = "resident.postalCode";
    private const string BirthDate = "resident.birthDate";
    private const string Relationship = "resident.relationship";
    private const string Status = "resident.status";
    private const string ChangeReason = "resident.changeReason";
    private const string ChangeDate = "resident.changeDate";
    private const string Members = "household.members";

    /// <summary>The paths <paramref name="criterion"/> reads, with <see cref="Population"/>, sorted and distinct.</summary>
    public static IReadOnlyList<string> Of(TargetCriterion criterion)
    {
        var paths = new SortedSet<string>(Population, StringComparer.Ordinal);
        Add(criterion, paths);
        return [.. paths];
    }

    private static void Add(TargetCriterion criterion, SortedSet<string> paths)
    {
        switch (criterion)
        {
            case AllCriterion all:
                all.Items.ToList().ForEach(i => Add(i, paths));
                return;
            case AnyCriterion any:
                any.Items.ToList().ForEach(i => Add(i, paths));
                return;
            case NotCriterion not:
                Add(not.Item, paths);
                return;
        }

        paths.UnionWith(criterion switch
        {
            RegionCriterion region => [.. region.AreaCodes.Count > 0 ? [AreaCode] : Array.Empty<string>(), .. region.PostalCodes.Count > 0 ? [PostalCode] : Array.Empty<string>()],
            AgeCriterion or TurnsAgeCriterion => [BirthDate],
            RelationshipCriterion => [Relationship],
            MovedInSinceCriterion => [ChangeReason, ChangeDate],
            HouseholdSizeCriterion => [Members],
            HouseholdMemberAgedCriterion or HouseholdChildrenCriterion or ElderlyLivingAloneCriterion or BirthInHouseholdCriterion => [Members, BirthDate],
            SingleParentCriterion => [Members, Relationship, BirthDate],
            NhiMemberCriterion => ["nhi.acquiredOn", "nhi.lostOn"],
            ChildAllowanceRecipientCriterion => ["childAllowance.recipientAtenaNumber", "childAllowance.certifiedOn", "childAllowance.endedOn"],
            ChildAllowanceChildCriterion => ["childAllowance.childAtenaNumber", "childAllowance.certifiedOn", "childAllowance.endedOn"],
            HouseholdChildAllowanceCriterion => [Members, "childAllowance.recipientAtenaNumber", "childAllowance.certifiedOn", "childAllowance.endedOn"],
            NonTaxableHouseholdCriterion => [Members, "tax.nonTaxable", "tax.fiscalYear"],
            RecordCriterion record => record.Paths,
            _ => throw new NotSupportedException($"No catalog paths are declared for the criterion {criterion.GetType().Name}."),
        });
    }
}
