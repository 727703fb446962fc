using Hub.Data;
using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Tests.PushTargets;

/// <summary>
/// A small city's rows in memory — for the oracle only; the service never does this. "On a date" is decided here
/// from the registry's own facts (status, 異動事由 and its date, birth range), independently of the hub's
/// <c>valid_to</c> predicates.
/// </summary>
internal sealed class CitySnapshot
{
    /// <summary>異動事由 of the 記載 group: the person enters the registry on the change date.</summary>
    private static readonly HashSet<string> Entries = ["転入", "出生", "職権記載", "国籍取得", "帰化"];

    private readonly Dictionary<DateOnly, ILookup<string, ResidentRecord>> _households = [];

    public required IReadOnlyList<ResidentRecord> AllVersions { get; init; }

    /// <summary>Latest versions, removed ones included.</summary>
    public required IReadOnlyList<ResidentRecord> Latest { get; init; }

    /// <summary>Latest versions not removed (today's residents).</summary>
    public required IReadOnlyList<ResidentRecord> Living { get; init; }

    /// <summary>Latest versions of every qualification, closed ones included.</summary>
    public required IReadOnlyList<NhiQualificationRecord> Nhi { get; init; }

    /// <summary>Latest versions of every entitlement, ended ones included.</summary>
    public required IReadOnlyList<ChildAllowanceEntitlementRecord> Allowances { get; init; }

    public required IReadOnlyList<TaxAssessmentRecord> Tax { get; init; }

    /// <summary>Latest versions of the records of kinds declared as data.</summary>
    public required IReadOnlyList<GenericRecord> Records { get; init; }

    public static async Task<CitySnapshot> LoadAsync(HubDbContext db)
    {
        var all = await db.Residents.AsNoTracking().ToListAsync();
        var latest = all.Where(r => r.SupersededAt == null).ToList();
        return new CitySnapshot
        {
            AllVersions = all,
            Latest = latest,
            Living = latest.Where(r => r.Status != "消除").ToList(),
            Nhi = await db.NhiQualifications.AsNoTracking().Where(q => q.SupersededAt == null).ToListAsync(),
            Allowances = await db.ChildAllowanceEntitlements.AsNoTracking().Where(e => e.SupersededAt == null).ToListAsync(),
            Tax = await db.TaxAssessments.AsNoTracking().Where(a => a.SupersededAt == null && a.ValidTo == null).ToListAsync(),
            Records = await db.GenericRecords.AsNoTracking().Where(g => g.SupersededAt == null).ToListAsync(),
        };
    }

    /// <summary>
    /// A resident on <paramref name="on"/>: not removed (消除) on or before it, possibly born by it, and not entered
    /// (記載) after it.
    /// </summary>
    public static bool IsResidentOn(ResidentRecord r, DateOnly on) =>
        !(r.Status == "消除" && (r.ChangeDate ?? DateOnly.MinValue) <= on)
        && !(r.BirthDateEarliest > on)
        && !(r.ChangeReason is { } reason && Entries.Contains(reason) && r.ChangeDate > on);

    public IEnumerable<ResidentRecord> ResidentsOn(DateOnly on) => Latest.Where(r => IsResidentOn(r, on));

    /// <summary>The members of <paramref name="r"/>'s household on <paramref name="on"/> (the resident included when a resident then).</summary>
    public IEnumerable<ResidentRecord> MembersOf(ResidentRecord r, DateOnly on)
    {
        if (!_households.TryGetValue(on, out var households))
        {
            households = ResidentsOn(on).Where(m => m.HouseholdNumber != null).ToLookup(m => m.HouseholdNumber!);
            _households[on] = households;
        }

        return r.HouseholdNumber is null ? [] : households[r.HouseholdNumber];
    }

    public bool NhiOn(string atena, DateOnly on) =>
        Nhi.Any(q => q.AtenaNumber == atena && (q.AcquiredOn == null || q.AcquiredOn <= on) && (q.LostOn == null || q.LostOn > on));

    public IEnumerable<ChildAllowanceEntitlementRecord> ActiveAllowances(DateOnly on) =>
        Allowances.Where(e => (e.CertifiedOn == null || e.CertifiedOn <= on) && (e.EndedOn == null || e.EndedOn >= on));
}
