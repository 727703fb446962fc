using System.Diagnostics;
using Npgsql;

namespace Hub.Sync.Benchmarks;

/// <summary>Waits until a database has done the background work a large load leaves it (untimed).</summary>
internal static class Settle
{
    /// <summary>
    /// <c>CHECKPOINT</c>, then waits until no autovacuum worker is running (at most ten minutes); returns the time waited.
    /// </summary>
    public static async Task<TimeSpan> PostgreSqlAsync(string connectionString)
    {
        var clock = Stopwatch.StartNew();
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using (var checkpoint = new NpgsqlCommand("CHECKPOINT", conn))
        {
            await checkpoint.ExecuteNonQueryAsync();
        }

        // Autovacuum starts a worker up to a naptime (one minute by default) after the load: wait out one naptime
        // of quiet, not just the first moment with none.
        var quietSince = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(10) && quietSince.Elapsed < TimeSpan.FromSeconds(65))
        {
            await using var workers = new NpgsqlCommand("SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'", conn);
            if (Convert.ToInt64(await workers.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
            {
                quietSince.Restart();
            }

            await Task.Delay(500);
        }

        return clock.Elapsed;
    }
}
