using Hub.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Tests.Support;

/// <summary>Counts contexts created: each batch fetch creates one, so the count is the number of queries' round trips.</summary>
internal sealed class CountingDbContextFactory(IDbContextFactory<HubDbContext> inner) : IDbContextFactory<HubDbContext>
{
    private int _created;

    public int Created => Volatile.Read(ref _created);

    public HubDbContext CreateDbContext()
    {
        Interlocked.Increment(ref _created);
        return inner.CreateDbContext();
    }
}
