using Microsoft.Data.Sqlite;

namespace Hub.Sync.Writing.Sqlite;

/// <summary>
/// How the run's own connection is set up for a bulk load. The database uses write-ahead logging
/// (<c>journal_mode = WAL</c>, a property of the file that stays: readers such as the API do not block the run, nor the
/// run them). On this connection only: <c>synchronous = NORMAL</c> — a commit is not fsynced; in WAL mode a committed
/// batch survives the process being killed (it is in the log the next connection recovers), and a power cut can lose
/// only the last batches whole, their watermark with them, so the next run reads them again — and a page cache of
/// <see cref="CacheKibibytes"/> KiB (temporary storage stays on disk: rebuilding an index at the end of a first
/// load sorts the whole table, which must not have to fit in memory). The connection is not pooled, so none of this
/// outlives the run.
/// </summary>
internal static class SqliteBulkSession
{
    /// <summary>
    /// Page cache of the run's connection: the upper levels of every index stay in memory. Kept modest, since a run's
    /// peak memory must not grow with the city; the operating system's file cache holds the rest.
    /// </summary>
    public const int CacheKibibytes = 16_384;

    /// <summary>
    /// Log pages after which a commit copies the log into the database (SQLite's default is 1,000): each copy costs two
    /// fsyncs, so a bulk load copies about eight times less often, with the log staying near 32 MB.
    /// </summary>
    public const int CheckpointPages = 8_192;

    public static string ConnectionString(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();

    public static void Configure(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText =
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; " +
            $"PRAGMA cache_size = -{CacheKibibytes}; PRAGMA wal_autocheckpoint = {CheckpointPages};";
        cmd.ExecuteNonQuery();
    }
}
