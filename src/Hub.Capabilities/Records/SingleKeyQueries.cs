using System.Collections.Concurrent;
using Hub.Data;
using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Hub.Capabilities.Records;

/// <summary>
/// The batch loaders' queries for a batch of one key — a prefill, a resident's page: the common case — compiled once per
/// model (per provider), so a request walks no expression tree and generates no SQL. Each filters by equality on the key,
/// which the same indexes serve as the batch queries' <c>IN</c>, and returns the same rows as the batch query would for
/// that one key.
/// </summary>
public sealed class SingleKeyQueries
{
    private static readonly ConcurrentDictionary<IModel, SingleKeyQueries> PerModel = new();

    /// <summary>The queries for <paramref name="db"/>'s model (a compiled query serves one model only).</summary>
    public static SingleKeyQueries For(HubDbContext db) => PerModel.GetOrAdd(db.Model, _ => new SingleKeyQueries());

    /// <summary>Latest versions of the resident (removed ones included).</summary>
    public Func<HubDbContext, string, IAsyncEnumerable<ResidentRecord>> Residents { get; } =
        EF.CompileAsyncQuery((HubDbContext db, string atena) => db.Residents.AsNoTracking().Where(r => r.SupersededAt == null && r.AtenaNumber == atena));

    /// <summary>
    /// Latest versions of the resident and, after them, the living members of the household(s) those versions name:
    /// two index lookups in one statement (<c>UNION ALL</c>), so a prefill reads applicant and members at once. The
    /// applicant comes twice when living in the household; the caller drops the repeat.
    /// </summary>
    public Func<HubDbContext, string, IAsyncEnumerable<ResidentRecord>> ResidentWithHousehold { get; } =
        EF.CompileAsyncQuery((HubDbContext db, string atena) => db.Residents.AsNoTracking().Where(r => r.SupersededAt == null && r.AtenaNumber == atena)
            .Concat(db.Residents.AsNoTracking().Where(m => m.SupersededAt == null && m.ValidTo == null && m.HouseholdNumber != null
                && db.Residents.Where(a => a.SupersededAt == null && a.AtenaNumber == atena && a.HouseholdNumber != null).Select(a => a.HouseholdNumber).Contains(m.HouseholdNumber))));

    /// <summary>Latest versions of the household.</summary>
    public Func<HubDbContext, string, IAsyncEnumerable<HouseholdRecord>> Households { get; } =
        EF.CompileAsyncQuery((HubDbContext db, string number) => db.Households.AsNoTracking().Where(h => h.SupersededAt == null && h.HouseholdNumber == number));

    /// <summary>Living members of the household.</summary>
    public Func<HubDbContext, string, IAsyncEnumerable<ResidentRecord>> Members { get; } =
        EF.CompileAsyncQuery((HubDbContext db, string number) => db.Residents.AsNoTracking().Where(r => r.SupersededAt == null && r.ValidTo == null && r.HouseholdNumber == number));

    /// <summary>Latest versions of the resident's tax assessments.</summary>
    public Func<HubDbContext, string, IAsyncEnumerable<TaxAssessmentRecord>> TaxAssessments { get; } =
        EF.CompileAsyncQuery((HubDbContext db, string atena) => db.TaxAssessments.AsNoTracking().Where(t => t.SupersededAt == null && t.AtenaNumber == atena));

    /// <summary>Latest versions of the tax assessments of several residents (a household's members), in one statement.</summary>
    public Func<HubDbContext, string[], IAsyncEnumerable<TaxAssessmentRecord>> TaxAssessmentsOfMany { get; } =
        EF.CompileAsyncQuery((HubDbContext db, string[] atena) => db.TaxAssessments.AsNoTracking().Where(t => t.SupersededAt == null && atena.Contains(t.AtenaNumber)));

    /// <summary>Latest versions of the resident's NHI qualifications.</summary>
    public Func<HubDbContext, string, IAsyncEnumerable<NhiQualificationRecord>> NhiQualifications { get; } =
        EF.CompileAsyncQuery((HubDbContext db, string atena) => db.NhiQualifications.AsNoTracking().Where(n => n.SupersededAt == null && n.AtenaNumber == atena));

    /// <summary>Latest versions of the entitlements where the resident is recipient or child.</summary>
    public Func<HubDbContext, string, IAsyncEnumerable<ChildAllowanceEntitlementRecord>> ChildAllowanceEntitlements { get; } =
        EF.CompileAsyncQuery((HubDbContext db, string atena) => db.ChildAllowanceEntitlements.AsNoTracking()
            .Where(c => c.SupersededAt == null && (c.RecipientAtenaNumber == atena || c.ChildAtenaNumber == atena)));

    /// <summary>Latest versions of one resident's records of one kind declared as data.</summary>
    public Func<HubDbContext, string, string, IAsyncEnumerable<GenericRecord>> Kind { get; } =
        EF.CompileAsyncQuery((HubDbContext db, string kind, string atena) => db.GenericRecords.AsNoTracking().Where(g => g.SupersededAt == null && g.Kind == kind && g.AtenaNumber == atena));

    /// <summary>Every version of the resident.</summary>
    public Func<HubDbContext, string, IAsyncEnumerable<ResidentRecord>> ResidentVersions { get; } =
        EF.CompileAsyncQuery((HubDbContext db, string atena) => db.Residents.AsNoTracking().Where(r => r.AtenaNumber == atena));

    /// <summary>Reads a compiled query's rows.</summary>
    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken cancellationToken)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            list.Add(row);
        }

        return list;
    }
}
