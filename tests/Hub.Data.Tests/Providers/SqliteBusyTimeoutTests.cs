using Hub.Data.Providers;
using Microsoft.EntityFrameworkCore;

namespace Hub.Data.Tests.Providers;

/// <summary>
/// Every SQLite connection of the hub waits for a busy write lock in SQLite's own handler (see
/// <c>SqliteBusyTimeoutInterceptor</c>) instead of failing to Microsoft.Data.Sqlite's fixed 150 ms retry sleep.
/// </summary>
public sealed class SqliteBusyTimeoutTests : IDisposable
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"hub-busy-{Guid.NewGuid():N}.db");

    [Theory]
    [InlineData("", 30_000)]
    [InlineData(";Default Timeout=5", 5_000)]
    public async Task OpenedConnection_BusyTimeout_IsTheCommandTimeout(string extra, long expected)
    {
        var factory = new HubDbContextFactory(new HubDatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={_file}{extra}" });

        // Twice: the second open takes the pooled connection again and must still carry the timeout.
        for (var open = 0; open < 2; open++)
        {
            await using var db = factory.CreateDbContext();
            await db.Database.OpenConnectionAsync(TestContext.Current.CancellationToken);
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA busy_timeout";
            Assert.Equal(expected, Convert.ToInt64(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_file);
    }
}
