using Hub.Data;
using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hub.Capabilities.Audit;

/// <summary>Reads access records: by subject resident and period (privacy officers, <c>me</c>), or the whole chain (verify, report).</summary>
public sealed class AccessRecordQueries(IDbContextFactory<HubDbContext> contexts)
{
    /// <summary>The most records one query returns.</summary>
    public const int MaxResults = 1000;

    /// <summary>Records about <paramref name="atenaNumber"/> in [<paramref name="from"/>, <paramref name="to"/>), oldest first, at most <see cref="MaxResults"/>.</summary>
    public async Task<IReadOnlyList<AccessRecord>> AboutAsync(string atenaNumber, DateTime? from, DateTime? to, CancellationToken cancellationToken)
    {
        var needle = AccessRecordFormat.SubjectNeedle(atenaNumber);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.AccessRecords.AsNoTracking().Where(r => r.SubjectAtenaNumbers.Contains(needle));
        if (from is { } f)
        {
            query = query.Where(r => r.RecordedAt >= f);
        }

        if (to is { } t)
        {
            query = query.Where(r => r.RecordedAt < t);
        }

        return await query.OrderBy(r => r.Sequence).Take(MaxResults).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Every record in chain order, streamed, and the chain head.</summary>
    public async Task<(IReadOnlyList<AccessRecord> Records, AccessRecordHead? Head)> ChainAsync(DateTime? from, DateTime? to, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.AccessRecords.AsNoTracking();
        if (from is { } f)
        {
            query = query.Where(r => r.RecordedAt >= f);
        }

        if (to is { } t)
        {
            query = query.Where(r => r.RecordedAt < t);
        }

        var records = await query.OrderBy(r => r.Sequence).ToListAsync(cancellationToken).ConfigureAwait(false);
        var head = await db.AccessRecordHeads.AsNoTracking().SingleOrDefaultAsync(h => h.Id == AccessRecordHead.SingletonId, cancellationToken).ConfigureAwait(false);
        return (records, head);
    }
}
