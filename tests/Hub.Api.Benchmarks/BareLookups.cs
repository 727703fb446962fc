using Hub.Capabilities.Audit;
using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;
using Hub.Data.Providers;
using Hub.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Benchmarks;

/// <summary>
/// The database work of one child-allowance prefill without the hub around it: the same queries its batch loaders run
/// (applicant, household members, tax assessments of the applicant and of the members), and, apart, the hash-chained
/// access record append the hub makes before answering, through the hub's own writer.
/// </summary>
internal sealed class BareLookups(HubDbContextFactory factory)
{
    private readonly DatabaseAccessRecordWriter _writer = new(factory, TimeProvider.System);

    public async Task PrefillLookupsAsync(string atena)
    {
        await using var db = factory.CreateDbContext();
        var applicant = await db.Residents.AsNoTracking().Latest().Where(r => r.AtenaNumber == atena).ToListAsync().ConfigureAwait(false);
        var household = applicant.FirstOrDefault()?.HouseholdNumber;
        var members = household is null
            ? []
            : await db.Residents.AsNoTracking().Living().Where(r => r.HouseholdNumber == household).ToListAsync().ConfigureAwait(false);
        _ = await db.TaxAssessments.AsNoTracking().Latest().Where(t => t.AtenaNumber == atena).ToListAsync().ConfigureAwait(false);
        var others = members.Select(m => m.AtenaNumber).Where(a => a != atena).ToList();
        _ = await db.TaxAssessments.AsNoTracking().Latest().Where(t => others.Contains(t.AtenaNumber)).ToListAsync().ConfigureAwait(false);
    }

    /// <summary>One access record through the hub's own writer (group commit: concurrent calls share a transaction).</summary>
    public Task AppendAccessRecordAsync(string atena, string user, string task) =>
        _writer.AppendAsync(
            new HubRequestContext(task, "benchmark", "BENCH-BARE", user, ["staff"], null, null),
            new AccessEntry(["prefill"], [atena], ["household.members", "resident.birthDate", "resident.name"], false),
            "1",
            CancellationToken.None);
}
