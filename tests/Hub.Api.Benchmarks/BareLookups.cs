using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Providers;
using Hub.Data.Queries;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Benchmarks;

/// <summary>
/// The database work of one child-allowance prefill without the hub around it: the same queries its batch loaders run
/// (applicant, household members, tax assessments of the applicant and of the members), and, apart, the hash-chained
/// access record append the hub makes before answering.
/// </summary>
internal sealed class BareLookups(HubDbContextFactory factory)
{
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

    public async Task AppendAccessRecordAsync(string atena, string user, string task)
    {
        var record = new AccessRecord
        {
            RecordedAt = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()).UtcDateTime,
            UserId = user,
            Task = task,
            Purpose = "benchmark",
            Case = "BENCH-BARE",
            Operation = "prefill",
            SubjectAtenaNumbers = "|" + atena + "|",
            FieldPaths = "household.members resident.birthDate resident.name",
            PolicyVersion = "1",
        };
        await using var db = factory.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync().ConfigureAwait(false);
        await db.AccessRecordHeads.Where(h => h.Id == AccessRecordHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence + 1)).ConfigureAwait(false);
        var head = await db.AccessRecordHeads.AsNoTracking().SingleAsync(h => h.Id == AccessRecordHead.SingletonId).ConfigureAwait(false);
        record.Sequence = head.LastSequence;
        record.PreviousHash = head.LastHash;
        record.Hash = AccessRecordChain.ComputeHash(record);
        db.AccessRecords.Add(record);
        await db.SaveChangesAsync().ConfigureAwait(false);
        await db.AccessRecordHeads.Where(h => h.Id == AccessRecordHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastHash, record.Hash)).ConfigureAwait(false);
        await transaction.CommitAsync().ConfigureAwait(false);
    }
}
