using Hub.Data.Entities;

namespace Hub.Capabilities.Requests;

/// <summary>Whose data an object holds: the residents (宛名番号) and, for a household, its 世帯番号.</summary>
/// <param name="AtenaNumbers">The residents the object is about.</param>
/// <param name="HouseholdNumber">The household, for household objects.</param>
public readonly record struct Subject(IReadOnlyList<string> AtenaNumbers, string? HouseholdNumber = null)
{
    /// <summary>No one (an object that holds no personal data).</summary>
    public static Subject None { get; } = new([]);

    /// <summary>The subject of a resolved source object of the hub's schema.</summary>
    public static Subject Of(object? source) => source switch
    {
        ResidentRecord r => new([r.AtenaNumber]),
        HouseholdRecord h => new(h.HeadAtenaNumber is { } head ? [head] : [], h.HouseholdNumber),
        TaxAssessmentRecord t => new([t.AtenaNumber]),
        NhiQualificationRecord n => new([n.AtenaNumber], n.HouseholdNumber),
        ChildAllowanceEntitlementRecord c => new([.. new[] { c.RecipientAtenaNumber, c.ChildAtenaNumber }.OfType<string>()]),
        GenericRecord g => new([g.AtenaNumber]),
        _ => None,
    };
}
