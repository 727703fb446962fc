using Hub.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.Capabilities.Records;

/// <summary>
/// One request's database context and connection, taken from the factory's pool on the first fetch and opened once,
/// shared by the request's batch loaders one fetch at a time (a context runs one command at a time), and returned when
/// the request is done. A prefill's three or four fetches then rent, open, close and return one connection, not four.
/// </summary>
public sealed class RequestDatabase(IDbContextFactory<HubDbContext> factory, LoaderMetrics? metrics) : IAsyncDisposable
{
    private readonly SemaphoreSlim _turn = new(1, 1);
    private HubDbContext? _db;
    private bool _disposed;

    /// <summary>Waits for the context to be free and lends it for one fetch (counted); dispose the lease to give it back.</summary>
    public async Task<Lease> UseAsync(CancellationToken cancellationToken)
    {
        await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_db is null)
            {
                var db = await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    await db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                }
                catch
                {
                    await db.DisposeAsync().ConfigureAwait(false);
                    throw;
                }

                _db = db;
            }

            metrics?.Fetched();
            return new Lease(this, _db);
        }
        catch
        {
            _turn.Release();
            throw;
        }
    }

    /// <summary>Waits for a fetch still running, then closes the connection and returns the context to the pool.</summary>
    public async ValueTask DisposeAsync()
    {
        await _turn.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            if (_db is { } db)
            {
                _db = null;
                await db.Database.CloseConnectionAsync().ConfigureAwait(false);
                await db.DisposeAsync().ConfigureAwait(false);
            }
        }
        finally
        {
            _turn.Release();
        }
    }

    /// <summary>The context, lent for one fetch.</summary>
    public readonly struct Lease(RequestDatabase owner, HubDbContext db) : IDisposable
    {
        public HubDbContext Db { get; } = db;

        public void Dispose() => owner._turn.Release();
    }
}
