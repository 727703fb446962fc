using Hub.Data.Entities;
using Hub.Policy.Masks;

namespace Hub.Capabilities.Requests;

/// <summary>
/// The order household members (世帯員) are listed in. Head first (世帯主) only where the caller may read every member's
/// 続柄, then by birth only where they may read every member's 生年月日, then by 宛名番号: an order is a disclosure of
/// the fields it sorts on, so it never uses a field the caller may not read.
/// </summary>
public static class MemberOrder
{
    public const string Relationship = "resident.relationship";
    public const string BirthDate = "resident.birthDate";

    /// <summary><paramref name="members"/> in the order <paramref name="gate"/> allows; the paths the order read are returned for the access record.</summary>
    public static (IReadOnlyList<ResidentRecord> Members, IReadOnlyList<string> Paths) Arrange(IReadOnlyList<ResidentRecord> members, FieldGate gate)
    {
        bool AllowsForAll(string path) => members.All(m => gate.Allows(path, FieldAction.Read, new Subject([m.AtenaNumber], m.HouseholdNumber)));
        var byRelationship = AllowsForAll(Relationship);
        var byBirth = AllowsForAll(BirthDate);
        var ordered = members
            .OrderBy(m => byRelationship && m.Relationship == "世帯主" ? 0 : 1)
            .ThenBy(m => byBirth ? m.BirthDateEarliest ?? DateOnly.MaxValue : DateOnly.MaxValue)
            .ThenBy(m => m.AtenaNumber, StringComparer.Ordinal)
            .ToList();
        string[] paths = [.. byRelationship ? [Relationship] : Array.Empty<string>(), .. byBirth ? [BirthDate] : Array.Empty<string>()];
        return (ordered, paths);
    }
}
