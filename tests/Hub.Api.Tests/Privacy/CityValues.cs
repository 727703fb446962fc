using Hub.Data;
using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Tests.Privacy;

/// <summary>
/// The subject of a non-interference run and the rows around them, chosen at random (seeded) among the city's residents
/// who have every kind of record: a living member of a household of two or more with a child, assessed for tax,
/// insured by 国保 and receiving 児童手当. Also the values a variation picks from (two distinct values of a vocabulary).
/// </summary>
internal sealed class CityValues
{
    public required ResidentRecord Subject { get; init; }

    public required ResidentRecord Member { get; init; }

    public required string Head { get; init; }

    public required long TaxId { get; init; }

    public required long NhiId { get; init; }

    public required long AllowanceId { get; init; }

    public required long HouseholdId { get; init; }

    public required string OwnHousehold { get; init; }

    public required string OtherHousehold { get; init; }

    public required IReadOnlyList<string> Sexes { get; init; }

    public required IReadOnlyList<string> Relationships { get; init; }

    public required IReadOnlyList<string> ResidentKinds { get; init; }

    public required IReadOnlyList<string> AreaCodes { get; init; }

    public required IReadOnlyList<string> PostalCodes { get; init; }

    /// <summary>Value A (false) or B (true) of <paramref name="values"/>: two distinct values.</summary>
    public string Other(IReadOnlyList<string> values, bool b) => values[b ? 1 : 0];

    /// <summary>The row a variation changes, tracked by <paramref name="db"/>.</summary>
    public async Task<object> RowAsync(HubDbContext db, VariedRow row) => row switch
    {
        VariedRow.Subject => await db.Residents.SingleAsync(r => r.Id == Subject.Id),
        VariedRow.Member => await db.Residents.SingleAsync(r => r.Id == Member.Id),
        VariedRow.Tax => await db.TaxAssessments.SingleAsync(t => t.Id == TaxId),
        VariedRow.Nhi => await db.NhiQualifications.SingleAsync(n => n.Id == NhiId),
        VariedRow.Allowance => await db.ChildAllowanceEntitlements.SingleAsync(e => e.Id == AllowanceId),
        _ => await db.Households.SingleAsync(h => h.Id == HouseholdId),
    };

    /// <summary>Chooses the subject with <paramref name="random"/> among the residents who have every kind of record.</summary>
    public static async Task<CityValues> ChooseAsync(HubDbContext db, Random random)
    {
        var living = await db.Residents.AsNoTracking().Where(r => r.SupersededAt == null && r.ValidTo == null).ToListAsync();
        var tax = await db.TaxAssessments.AsNoTracking().Where(t => t.SupersededAt == null && t.ValidTo == null).ToListAsync();
        var nhi = await db.NhiQualifications.AsNoTracking().Where(n => n.SupersededAt == null && n.ValidTo == null).ToListAsync();
        var allowances = await db.ChildAllowanceEntitlements.AsNoTracking().Where(e => e.SupersededAt == null && e.ValidTo == null).ToListAsync();
        var households = await db.Households.AsNoTracking().Where(h => h.SupersededAt == null && h.ValidTo == null).ToListAsync();
        var members = living.Where(r => r.HouseholdNumber != null).ToLookup(r => r.HouseholdNumber!);
        var on = new DateOnly(2026, 4, 1);
        var candidates = living
            .Where(r => r.HouseholdNumber is { } h && members[h].Count() >= 2 && members[h].Any(m => m.BirthDateEarliest > on.AddYears(-15))
                && households.Any(x => x.HouseholdNumber == h)
                && tax.Any(t => t.AtenaNumber == r.AtenaNumber)
                && nhi.Any(n => n.AtenaNumber == r.AtenaNumber)
                && allowances.Any(e => e.RecipientAtenaNumber == r.AtenaNumber))
            .OrderBy(r => r.AtenaNumber, StringComparer.Ordinal)
            .ToList();
        Assert.True(candidates.Count > 0, "The privacy city has no resident with a household, tax, NHI and child allowance records.");
        var subject = candidates[random.Next(candidates.Count)];
        var household = subject.HouseholdNumber!;
        var others = members[household].Where(m => m.AtenaNumber != subject.AtenaNumber).OrderBy(m => m.AtenaNumber, StringComparer.Ordinal).ToList();
        string[] Distinct(IEnumerable<string?> values) => [.. values.OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(2)];
        return new CityValues
        {
            Subject = subject,
            Member = others[random.Next(others.Count)],
            Head = members[household].FirstOrDefault(m => m.Relationship == "世帯主")?.AtenaNumber ?? subject.AtenaNumber,
            TaxId = tax.Where(t => t.AtenaNumber == subject.AtenaNumber).MaxBy(t => t.FiscalYear)!.Id,
            NhiId = nhi.First(n => n.AtenaNumber == subject.AtenaNumber).Id,
            AllowanceId = allowances.First(e => e.RecipientAtenaNumber == subject.AtenaNumber).Id,
            HouseholdId = households.First(h => h.HouseholdNumber == household).Id,
            OwnHousehold = household,
            OtherHousehold = households.Select(h => h.HouseholdNumber).Where(h => h != household).Order(StringComparer.Ordinal).First(),
            Sexes = Distinct(living.Select(r => r.Sex)),
            Relationships = ["子", "同居人"],
            ResidentKinds = Distinct(living.Select(r => r.ResidentKind)),
            AreaCodes = Distinct(living.Select(r => r.AreaCode)),
            PostalCodes = Distinct(living.Select(r => r.PostalCode)),
        };
    }
}
