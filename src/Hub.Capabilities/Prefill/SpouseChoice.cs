using Hub.Data.Entities;

namespace Hub.Capabilities.Prefill;

/// <summary>
/// Which household member is the applicant's spouse (配偶者), chosen by 続柄: the 世帯主's spouse is the member recorded as
/// 妻, 夫 or 未届の妻/夫; the spouse of a member so recorded is the 世帯主. The choice reads every listed member's 続柄, so
/// a form's spouse section is filled only where the task may read 続柄 of them all, and the access record names it.
/// </summary>
public static class SpouseChoice
{
    /// <summary>The path the choice reads.</summary>
    public const string RelationshipPath = "resident.relationship";

    private static readonly string[] SpouseOfHead = ["妻", "夫", "未届の妻", "未届の夫", "妻(未届)", "夫(未届)"];

    /// <summary>The spouse of <paramref name="applicant"/> among <paramref name="members"/> (living members of the household), or null.</summary>
    public static ResidentRecord? Find(ResidentRecord applicant, IReadOnlyList<ResidentRecord> members)
    {
        ArgumentNullException.ThrowIfNull(applicant);
        ArgumentNullException.ThrowIfNull(members);
        var others = members.Where(m => m.AtenaNumber != applicant.AtenaNumber).ToList();
        if (applicant.Relationship == "世帯主")
        {
            // One spouse of the head; two candidates (a data error) choose none rather than guess.
            var spouses = others.Where(m => SpouseOfHead.Contains(m.Relationship, StringComparer.Ordinal)).ToList();
            return spouses.Count == 1 ? spouses[0] : null;
        }

        return SpouseOfHead.Contains(applicant.Relationship, StringComparer.Ordinal)
            && others.Where(m => m.Relationship == "世帯主").ToList() is [var head]
            ? head
            : null;
    }
}
