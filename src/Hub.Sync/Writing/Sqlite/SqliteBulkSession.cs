using Microsoft.Data.Sqlite;

namespace Hub.Sync.Writing.Sqlite;

/// <summary>
/// How the run's own connection is set up for a bulk load. The database uses write-ahead logging
/// (<c>journal_mode = WAL</c>, a property of the file that stays: readers such as the API do not block the run, nor the
/// run them). On this connection only: <c>synchronous = NORMAL</c> — a commit is not fsynced; in WAL mode a committed
/// batch survives the process being killed (it is in the log the next connection recovers), and a power cut can lose
/// only the last batches whole, their watermark with them, so the next run reads them again — and a page cache of
/// <see cref="CacheKibibytes"/> KiB, with staging tables in memory. The connection is not pooled, so none of this
/// outlives the run.
/// </summary>
internal static class SqliteBulkSession
{
    /// <summary>Page cache of the run's connection: the upper levels of every index of a large city stay in memory.</summary>
    public const int CacheKibibytes = 65_536;

    public static string ConnectionString(string connectionString) =>
        new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString();

    public static void Configure(SqliteConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText =
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; " +
            $"PRAGMA cache_size = -{CacheKibibytes}; PRAGMA temp_store = MEMORY;";
        cmd.ExecuteNonQuery();
    }
}
