using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Hub.Data.Providers;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hub.Sync.Running;

/// <summary>
/// One run of a source at a time across processes and nodes (Quartz serialises only the runs it starts itself;
/// `hub sync run` in another process must not overlap them). The lock belongs to a database session
/// (PostgreSQL advisory lock, SQL Server application lock) or, for an embedded SQLite file, to an OS file
/// lock beside it; a process that dies releases it with its connection or file handle.
/// </summary>
internal static class SourceRunLock
{
    /// <summary>Takes the lock of <paramref name="source"/>, or returns null at once when another run holds it.</summary>
    public static async Task<IAsyncDisposable?> TryAcquireAsync(HubDbContextFactory factory, string source, CancellationToken ct) => factory.Provider switch
    {
        DatabaseProvider.PostgreSql => await PostgreSqlAsync(factory.ConnectionString, source, ct).ConfigureAwait(false),
        DatabaseProvider.SqlServer => await SqlServerAsync(factory.ConnectionString, source, ct).ConfigureAwait(false),
        _ => Sqlite(factory.ConnectionString, source),
    };

    private static async Task<IAsyncDisposable?> PostgreSqlAsync(string connectionString, string source, CancellationToken ct)
    {
        var key = Key(source);
        var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync(ct).ConfigureAwait(false);
        await using (var cmd = new NpgsqlCommand("SELECT pg_try_advisory_lock(@k)", conn))
        {
            cmd.Parameters.AddWithValue("k", key);
            if (await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is true)
            {
                return new Releaser(async () =>
                {
                    // Pooled connections keep session locks: unlock before returning it to the pool.
                    await using (var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@k)", conn))
                    {
                        unlock.Parameters.AddWithValue("k", key);
                        await unlock.ExecuteScalarAsync().ConfigureAwait(false);
                    }

                    await conn.DisposeAsync().ConfigureAwait(false);
                });
            }
        }

        await conn.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    private static async Task<IAsyncDisposable?> SqlServerAsync(string connectionString, string source, CancellationToken ct)
    {
        var resource = "hub-sync:" + source;
        var conn = new SqlConnection(connectionString);
        await conn.OpenAsync(ct).ConfigureAwait(false);
        await using (var cmd = new SqlCommand("DECLARE @r int; EXEC @r = sp_getapplock @Resource = @res, @LockMode = 'Exclusive', @LockOwner = 'Session', @LockTimeout = 0; SELECT @r", conn))
        {
            cmd.Parameters.AddWithValue("@res", resource);
            if (await cmd.ExecuteScalarAsync(ct).ConfigureAwait(false) is int r && r >= 0)
            {
                return new Releaser(async () =>
                {
                    await using (var release = new SqlCommand("EXEC sp_releaseapplock @Resource = @res, @LockOwner = 'Session'", conn))
                    {
                        release.Parameters.AddWithValue("@res", resource);
                        await release.ExecuteNonQueryAsync().ConfigureAwait(false);
                    }

                    await conn.DisposeAsync().ConfigureAwait(false);
                });
            }
        }

        await conn.DisposeAsync().ConfigureAwait(false);
        return null;
    }

    private static IAsyncDisposable? Sqlite(string connectionString, string source)
    {
        var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(file) || file == ":memory:")
        {
            return new Releaser(() => ValueTask.CompletedTask);
        }

        var path = Path.GetFullPath(file) + ".sync-" + source + ".lock";
        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return new Releaser(() => stream.DisposeAsync());
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static long Key(string source) =>
        BinaryPrimitives.ReadInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes("hub-sync:" + source)));

    private sealed class Releaser(Func<ValueTask> release) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => release();
    }
}
