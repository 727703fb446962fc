using System.Globalization;
using Hub.Adapters.ChildAllowance;
using Hub.Adapters.Conformance;
using Hub.Testing.Demo;
using Hub.Testing.PostgreSql;
using Npgsql;

namespace Hub.Adapters.Tests.Conformance;

/// <summary>
/// The same view adapter on PostgreSQL as the "core system database": a table with real date and
/// timestamptz columns and the view over it, loaded from the demo's entitlements.csv. Skipped, saying
/// why, when no PostgreSQL server can be started here.
/// </summary>
public sealed class ChildAllowanceViewPostgreSqlConformanceTests : SourceAdapterConformanceTests<ChildAllowanceViewAdapter>, IAsyncLifetime
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static PostgreSqlServer? _server;
    private static string? _unavailable;
    private string _connectionString = string.Empty;

    public async ValueTask InitializeAsync()
    {
        await Gate.WaitAsync(TestContext.Current.CancellationToken);
        try
        {
            if (_server is null && _unavailable is null)
            {
                try
                {
                    var server = await PostgreSqlServer.StartAsync();
                    AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
                    _server = server;
                }
                catch (PostgreSqlUnavailableException ex)
                {
                    _unavailable = ex.Message;
                }
            }
        }
        finally
        {
            Gate.Release();
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    protected override async ValueTask<ChildAllowanceViewAdapter> CreateAdapterAsync(ConformanceSource source, int batchSize, CancellationToken cancellationToken)
    {
        if (_server is null)
        {
            Assert.Skip($"PostgreSQL unavailable: {_unavailable}");
        }

        _connectionString = await _server.CreateDatabaseAsync("childallow");
        using var city = new DemoSource(residents: 300);
        await ExecuteAsync("""
            CREATE TABLE entitlements (
              entitlement_id text PRIMARY KEY, recipient_atena text NOT NULL, child_atena text NOT NULL,
              certified_on date, ended_on date, monthly_amount integer, status text, updated_at timestamptz NOT NULL);
            CREATE VIEW v_child_allowance_entitlements AS
              SELECT entitlement_id, recipient_atena, child_atena, certified_on, ended_on, monthly_amount, status, updated_at FROM entitlements;
            """);
        if (source != ConformanceSource.Empty)
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync(cancellationToken);
            foreach (var line in File.ReadLines(city.PathOf("child-allowance/entitlements.csv")).Skip(1))
            {
                var c = line.Split(',');
                await using var insert = new NpgsqlCommand("INSERT INTO entitlements VALUES ($1, $2, $3, $4, $5, $6, $7, $8)", connection);
                insert.Parameters.AddWithValue(c[0]);
                insert.Parameters.AddWithValue(c[1]);
                insert.Parameters.AddWithValue(c[2]);
                insert.Parameters.AddWithValue(DateOnly.Parse(c[3], CultureInfo.InvariantCulture));
                insert.Parameters.AddWithValue(c[4].Length == 0 ? DBNull.Value : DateOnly.Parse(c[4], CultureInfo.InvariantCulture));
                insert.Parameters.AddWithValue(int.Parse(c[5], CultureInfo.InvariantCulture));
                insert.Parameters.AddWithValue(c[6]);
                insert.Parameters.AddWithValue(DateTimeOffset.Parse(c[7], CultureInfo.InvariantCulture).ToUniversalTime());
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        if (source == ConformanceSource.Malformed)
        {
            await ExecuteAsync("INSERT INTO entitlements VALUES ('CA90000001', '1000000016', '1000000023', '2024-01-01', NULL, 10000, '1', '2025-01-01T10:00:00+09:00')");
        }

        return new ChildAllowanceViewAdapter(new ChildAllowanceViewOptions { Provider = "postgresql", ConnectionString = _connectionString, BatchSize = batchSize });
    }

    protected override async ValueTask<string?> ChangeOneRecordAsync(ChildAllowanceViewAdapter adapter, CancellationToken cancellationToken)
    {
        await ExecuteAsync("UPDATE entitlements SET monthly_amount = 15000, updated_at = '2026-03-31T16:00:00+09:00' WHERE entitlement_id = (SELECT MIN(entitlement_id) FROM entitlements)");
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT MIN(entitlement_id) FROM entitlements", connection);
        return (string?)await command.ExecuteScalarAsync(cancellationToken);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
