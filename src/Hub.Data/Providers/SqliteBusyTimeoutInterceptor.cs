using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Hub.Data.Providers;

/// <summary>
/// Sets SQLite's <c>busy_timeout</c> on every connection the hub opens, to the connection's command timeout. Without it a
/// writer that finds the write lock taken (the access log's group commit while a checkpoint round keeps its copy, two
/// nodes or a command beside the server) gets <c>SQLITE_BUSY</c> at once, and Microsoft.Data.Sqlite retries after a fixed
/// 150 ms sleep: a lock held for 10 ms cost every request waiting on that writer 150 ms. With the timeout SQLite's own
/// busy handler waits in steps of 1–100 ms, so the same lock costs about 20 ms (measured with two connections, a lock held
/// 10 ms: 150 ms without, 20–33 ms with).
/// </summary>
internal sealed class SqliteBusyTimeoutInterceptor(int milliseconds) : DbConnectionInterceptor
{
    private readonly string _pragma = string.Create(CultureInfo.InvariantCulture, $"PRAGMA busy_timeout = {milliseconds}");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // Microsoft.Data.Sqlite runs every command synchronously.
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = _pragma;
        command.ExecuteNonQuery();
    }
}
