using System.Collections.Concurrent;
using Hub.Data;
using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Hub.Api.GraphQL.Loading;

/// <summary>
/// The batch loaders' queries for a batch of one key — a prefill, a resident's page: the common case — compiled once per
/// model (per provider), so a request walks no expression tree and generates no SQL. Each filters by equality on the key,
/// which the same indexes serve as the batch queries' <c>IN</c>, and returns the same rows as the batch query would for
/// that one key.
/// </summary>
internal sealed class SingleKeyQueries
{
    private static readonly ConcurrentDictionary<IModel, SingleKeyQueries> PerModel = new();

    /// <summary>The queries for <paramref name="db"/>'s model (a compiled query serves one model only).</summary>
    public static SingleKeyQueries For(HubDbContext db) => PerModel.GetOrAdd(db.Model, _ => new SingleKeyQueries());

    /// <summary>Latest versions of the resident (removed ones included).</summary>
    public Func<HubDbContext, string, IAsyncEnumerable<ResidentRecord>> Residents { get; } =
        EF.CompileAsyncQuery((HubDbContext db, string atena) => db.Residents.AsNoTracking().Where(r => r.SupersededAt == null && r.AtenaNumber == atena));

    /// <summary>Latest versions of the household.</summary>
    public Func<HubDbContext, string, IAsyncEnumerable<HouseholdRecord>> Households { get; } =
        EF.CompileAsyncQuery((HubDbContext db, string number) => db.Households.AsNoTracking().Where(h => h.SupersededAt == null && h.HouseholdNumber == number));

    /// <summary>Living members of the household.</summary>
    public Func<HubDbContext, string, IAsyncEnumerable<ResidentRecord>> Members { get; } =
        EF.CompileAsyncQuery((HubDbContext db, string number) => db.Residents.AsNoTracking().Where(r => r.SupersededAt == null && r.ValidTo == null && r.HouseholdNumber == number));

    /// <summary>Latest versions of the resident's tax assessments.</summary>
    public Func<HubDbContext, string, IAsyncEnumerable<TaxAssessmentRecord>> TaxAssessments { get; } =
        EF.CompileAsyncQuery((HubDbContext db, string atena) => db.TaxAssessments.AsNoTracking().Where(t => t.SupersededAt == null && t.AtenaNumber == atena));

    /// <summary>Latest versions of the resident's NHI qualifications.</summary>
    public Func<HubDbContext, string, IAsyncEnumerable<NhiQualificationRecord>> NhiQualifications { get; } =
        EF.CompileAsyncQuery((HubDbContext db, string atena) => db.NhiQualifications.AsNoTracking().Where(n => n.SupersededAt == null && n.AtenaNumber == atena));

    /// <summary>Latest versions of the entitlements where the resident is recipient or child.</summary>
    public Func<HubDbContext, string, IAsyncEnumerable<ChildAllowanceEntitlementRecord>> ChildAllowanceEntitlements { get; } =
        EF.CompileAsyncQuery((HubDbContext db, string atena) => db.ChildAllowanceEntitlements.AsNoTracking()
            .Where(c => c.SupersededAt == null && (c.RecipientAtenaNumber == atena || c.ChildAtenaNumber == atena)));

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
