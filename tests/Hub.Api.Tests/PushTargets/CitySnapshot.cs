using Hub.Data;
using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Tests.PushTargets;

/// <summary>A small city's rows in memory — for the oracle only; the service never does this.</summary>
internal sealed class CitySnapshot
{
    public required IReadOnlyList<ResidentRecord> AllVersions { get; init; }

    public required IReadOnlyList<ResidentRecord> Living { get; init; }

    public required ILookup<string, ResidentRecord> Households { get; init; }

    public required IReadOnlyList<NhiQualificationRecord> Nhi { get; init; }

    public required IReadOnlyList<ChildAllowanceEntitlementRecord> Allowances { get; init; }

    public required IReadOnlyList<TaxAssessmentRecord> Tax { get; init; }

    /// <summary>Latest versions of the records of kinds declared as data.</summary>
    public required IReadOnlyList<GenericRecord> Records { get; init; }

    public static async Task<CitySnapshot> LoadAsync(HubDbContext db)
    {
        var all = await db.Residents.AsNoTracking().ToListAsync();
        var living = all.Where(r => r.SupersededAt == null && r.ValidTo == null).ToList();
        return new CitySnapshot
        {
            AllVersions = all,
            Living = living,
            Households = living.Where(r => r.HouseholdNumber != null).ToLookup(r => r.HouseholdNumber!),
            Nhi = await db.NhiQualifications.AsNoTracking().Where(q => q.SupersededAt == null && q.ValidTo == null).ToListAsync(),
            Allowances = await db.ChildAllowanceEntitlements.AsNoTracking().Where(e => e.SupersededAt == null && e.ValidTo == null).ToListAsync(),
            Tax = await db.TaxAssessments.AsNoTracking().Where(a => a.SupersededAt == null && a.ValidTo == null).ToListAsync(),
            Records = await db.GenericRecords.AsNoTracking().Where(g => g.SupersededAt == null).ToListAsync(),
        };
    }

    public IEnumerable<ResidentRecord> MembersOf(ResidentRecord r) => r.HouseholdNumber is null ? [] : Households[r.HouseholdNumber];

    public bool NhiOn(string atena, DateOnly on) =>
        Nhi.Any(q => q.AtenaNumber == atena && (q.AcquiredOn == null || q.AcquiredOn <= on) && (q.LostOn == null || q.LostOn > on));

    public IEnumerable<ChildAllowanceEntitlementRecord> ActiveAllowances(DateOnly on) =>
        Allowances.Where(e => (e.CertifiedOn == null || e.CertifiedOn <= on) && (e.EndedOn == null || e.EndedOn >= on));
}
