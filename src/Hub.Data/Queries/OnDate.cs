using System.Linq.Expressions;
using Hub.Adapters.Domain.Vocabulary;
using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hub.Data.Queries;

/// <summary>
/// What held on a reference date (基準日), by the hub's latest knowledge (<c>superseded_at IS NULL</c>): the one rule
/// every "as of" question uses (push targets, life-event guidance), as SQL-translatable predicates.
/// </summary>
/// <remarks>
/// <para>A version's <c>valid_from</c>/<c>valid_to</c> say when its facts hold in the city; <c>recorded_at</c>/<c>superseded_at</c>
/// when the hub knew them. A sync supersedes a changed version rather than closing its validity, so only the latest
/// version of a record is read, and the date decides from the facts it carries:</para>
/// <list type="bullet">
/// <item>a resident (住民) on day D is a latest version that was not removed by D (<c>valid_to</c>, the 消除's date, after
/// D: someone who moves out or dies after D lived here on D), had entered the registry by D (no 記載 — 転入, 出生,
/// 職権記載, 国籍取得, 帰化 — dated after D) and may have been born by D (earliest possible birth date on or before D);</item>
/// <item>an NHI qualification (国保資格) is held on D when acquired on or before D and lost after D (資格喪失日 is the
/// first day without it); a closed qualification (<c>valid_to</c> = the loss date) still counts on the days before;</item>
/// <item>a child allowance entitlement (児童手当) is active on D when certified on or before D and ended on or after D
/// (the end date is its last day).</item>
/// </list>
/// <para>The household, address and relationship are the latest version's: a past 世帯 composition is not rebuilt from
/// superseded versions.</para>
/// </remarks>
public static class OnDate
{
    private static readonly TimeSpan Jst = TimeSpan.FromHours(9);

    private static readonly string[] Entries = [.. ChangeReason.All.Where(r => r.Group == ChangeReasonGroup.Entry).Select(r => r.Label)];

    /// <summary>Midnight in Japan of <paramref name="day"/>, as UTC: the instant a dated fact starts or ends (as the sync writes <c>valid_to</c>).</summary>
    public static DateTime StartOfDayJst(DateOnly day) => new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), Jst).UtcDateTime;

    /// <summary>Residents (住民) on <paramref name="on"/>, removed ones included while their 消除 is after it.</summary>
    public static Expression<Func<ResidentRecord, bool>> Resident(DateOnly on)
    {
        var removedFrom = StartOfDayJst(on);
        // The entry test reads the change date first: most rows have none, or one long before the date, so the list of
        // 記載 reasons is compared only for the few changed since (SQLite evaluates a WHERE's terms in order).
        return x => x.SupersededAt == null
            && (x.ValidTo == null || x.ValidTo > removedFrom)
            && (x.BirthDateEarliest == null || x.BirthDateEarliest <= on)
            && (x.ChangeDate == null || x.ChangeDate <= on || !EF.Constant(Entries).Contains(x.ChangeReason!));
    }

    /// <summary>NHI qualifications (国民健康保険の資格) held on <paramref name="on"/>: acquired ≤ on &lt; lost.</summary>
    public static Expression<Func<NhiQualificationRecord, bool>> NhiInsured(DateOnly on) =>
        q => q.SupersededAt == null && (q.AcquiredOn == null || q.AcquiredOn <= on) && (q.LostOn == null || q.LostOn > on);

    /// <summary>Child allowance entitlements (児童手当) active on <paramref name="on"/>: certified ≤ on ≤ ended.</summary>
    public static Expression<Func<ChildAllowanceEntitlementRecord, bool>> ChildAllowanceActive(DateOnly on) =>
        e => e.SupersededAt == null && (e.CertifiedOn == null || e.CertifiedOn <= on) && (e.EndedOn == null || e.EndedOn >= on);
}
