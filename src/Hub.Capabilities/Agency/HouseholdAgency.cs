using Hub.Adapters.Domain.Dates;
using Hub.Data.Entities;

namespace Hub.Capabilities.Agency;

/// <summary>
/// 法定代理・世帯: for whom in their household a resident principal may act, and on which grounds. Decided from the
/// registry alone (続柄 relative to the 世帯主, 生年月日), which is what the hub holds: it cannot see 親権 itself (戸籍), so
/// a parent is one whose 続柄 makes the child theirs — the 世帯主 or the 世帯主's spouse for a 子, the spouse for a 妻の子 /
/// 夫の子 — and a minor is one certainly under 18 on the day (民法 第4条).
/// </summary>
public static class HouseholdAgency
{
    /// <summary>成年: 18 (民法 第4条).</summary>
    public const int AgeOfMajority = 18;

    /// <summary>The task a resident portal sends (<c>X-Hub-Task</c>), under which the grounds' policy rows are kept.</summary>
    public const string PortalTask = "resident-portal";

    /// <summary>
    /// The grounds on which <paramref name="self"/> may act for <paramref name="member"/> on <paramref name="today"/>: none
    /// for themselves, for a member of another household, or for a removed one (消除).
    /// </summary>
    public static IReadOnlyList<AgencyGround> Grounds(ResidentRecord self, ResidentRecord member, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(self);
        ArgumentNullException.ThrowIfNull(member);
        if (self.AtenaNumber == member.AtenaNumber || self.HouseholdNumber is null || self.HouseholdNumber != member.HouseholdNumber
            || self.Status == "消除" || member.Status == "消除")
        {
            return [];
        }

        var grounds = new List<AgencyGround>();
        if (self.Relationship == "世帯主")
        {
            grounds.Add(AgencyGround.HouseholdHead);
        }

        if (IsMinor(member, today) && IsParent(self.Relationship, member.Relationship))
        {
            grounds.Add(AgencyGround.ParentalAuthority);
        }

        return grounds;
    }

    /// <summary>The paths the decision reads, of both residents: the access record names them.</summary>
    public static IReadOnlyList<string> DecidingPaths { get; } = ["resident.relationship", "resident.birthDate", "resident.householdNumber", "resident.status"];

    private static bool IsParent(string? self, string? child) => (self, child) switch
    {
        ("世帯主" or "妻" or "夫", "子") => true,
        ("妻", "妻の子") or ("夫", "夫の子") => true,
        _ => false,
    };

    // Certainly a minor: even born on the earliest day the birth date can denote, 18 not yet attained (年齢計算ニ関スル法律:
    // on the day before the 18th birthday).
    private static bool IsMinor(ResidentRecord member, DateOnly today) =>
        member.BirthDateEarliest is { } earliest && today < JapaneseAge.LegalAgeAttainedOn(earliest, AgeOfMajority);
}
