using Hub.Data;
using Hub.Data.Entities.Intake;
using Microsoft.EntityFrameworkCore;

namespace Hub.Capabilities.Intake;

/// <summary>Reading cases, legs, history and notices: the resident's view and the departments' queues.</summary>
public sealed class IntakeQueries(IDbContextFactory<HubDbContext> factory, TimeProvider time)
{
    /// <summary>Most legs one queue answer lists.</summary>
    public const int MaxLegs = 500;

    /// <summary>The resident's cases, newest first, with their legs.</summary>
    public async Task<IReadOnlyList<IntakeCase>> CasesOfAsync(string atenaNumber, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var cases = await db.IntakeCases.AsNoTracking().Include(c => c.Legs).Where(c => c.AtenaNumber == atenaNumber)
            .ToListAsync(ct).ConfigureAwait(false);
        foreach (var c in cases)
        {
            c.Legs.Sort((a, b) => a.Ordinal.CompareTo(b.Ordinal));
        }

        return [.. cases.OrderByDescending(c => c.SubmittedAt).ThenBy(c => c.Id)];
    }

    /// <summary>One case with its legs, or null.</summary>
    public async Task<IntakeCase?> CaseAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var c = await db.IntakeCases.AsNoTracking().Include(x => x.Legs).SingleOrDefaultAsync(x => x.Id == id, ct).ConfigureAwait(false);
        c?.Legs.Sort((a, b) => a.Ordinal.CompareTo(b.Ordinal));
        return c;
    }

    /// <summary>The history of the legs, oldest first, by leg.</summary>
    public async Task<ILookup<Guid, IntakeLegEvent>> HistoryAsync(IReadOnlyCollection<Guid> legs, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var rows = await db.IntakeLegEvents.AsNoTracking().Where(e => legs.Contains(e.LegId)).OrderBy(e => e.Id).ToListAsync(ct).ConfigureAwait(false);
        return rows.ToLookup(e => e.LegId);
    }

    /// <summary>A department's queue: the legs of <paramref name="tasks"/>, of one department and status when given, oldest first.</summary>
    public async Task<IReadOnlyList<IntakeLeg>> LegsAsync(IReadOnlyCollection<string> tasks, string? department, IntakeLegStatus? status, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var query = db.IntakeLegs.AsNoTracking().Where(l => tasks.Contains(l.Task));
        if (department is not null)
        {
            query = query.Where(l => l.Department == department);
        }

        if (status is { } s)
        {
            var name = s.ToString();
            query = query.Where(l => l.Status == name);
        }

        return await query.OrderBy(l => l.UpdatedAt).ThenBy(l => l.Id).Take(MaxLegs).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>One leg, or null.</summary>
    public async Task<IntakeLeg?> LegAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.IntakeLegs.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct).ConfigureAwait(false);
    }

    /// <summary>宛名番号 of each case's applicant, for legs (the subject a leg's data is about).</summary>
    public async Task<IReadOnlyDictionary<Guid, string>> ApplicantsAsync(IReadOnlyCollection<Guid> cases, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        return await db.IntakeCases.AsNoTracking().Where(c => cases.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.AtenaNumber, ct).ConfigureAwait(false);
    }

    /// <summary>The resident's notices, newest first.</summary>
    public async Task<IReadOnlyList<IntakeNotice>> NoticesAsync(string atenaNumber, bool unreadOnly, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var query = db.IntakeNotices.AsNoTracking().Where(n => n.AtenaNumber == atenaNumber);
        if (unreadOnly)
        {
            query = query.Where(n => n.ReadAt == null);
        }

        return await query.OrderByDescending(n => n.Id).Take(200).ToListAsync(ct).ConfigureAwait(false);
    }

    /// <summary>Marks the resident's notice read (once; reading again keeps the first time); NOT_FOUND for another's.</summary>
    public async Task<IntakeNotice> MarkReadAsync(string atenaNumber, long id, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct).ConfigureAwait(false);
        var notice = await db.IntakeNotices.SingleOrDefaultAsync(n => n.Id == id && n.AtenaNumber == atenaNumber, ct).ConfigureAwait(false)
            ?? throw new IntakeException(IntakeErrorCode.NotFound, "id", "names no notice of yours.");
        if (notice.ReadAt is null)
        {
            notice.ReadAt = time.GetUtcNow().UtcDateTime;
            await db.SaveChangesAsync(ct).ConfigureAwait(false);
        }

        return notice;
    }
}
