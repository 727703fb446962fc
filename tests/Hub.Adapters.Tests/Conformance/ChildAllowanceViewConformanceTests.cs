using Hub.Adapters.ChildAllowance;
using Hub.Adapters.Conformance;
using Hub.Testing.Demo;
using Microsoft.Data.Sqlite;

namespace Hub.Adapters.Tests.Conformance;

/// <summary>The child-allowance view adapter on the demo's SQLite database (the view the generator writes).</summary>
public sealed class ChildAllowanceViewSqliteConformanceTests : SourceAdapterConformanceTests<ChildAllowanceViewAdapter>, IDisposable
{
    private DemoSource? _city;

    private string ConnectionString => $"Data Source={_city!.PathOf("child-allowance/entitlements.db")};Pooling=False";

    protected override ValueTask<ChildAllowanceViewAdapter> CreateAdapterAsync(ConformanceSource source, int batchSize, CancellationToken cancellationToken)
    {
        _city?.Dispose();
        _city = new DemoSource(residents: 300);
        Execute(source switch
        {
            ConformanceSource.Empty => "DELETE FROM entitlements",
            ConformanceSource.Malformed => """
                INSERT INTO entitlements VALUES ('CA90000001', '1000000016', '1000000023', '2024-01-01', NULL, 10000, '1', '2025-01-01T10:00:00+09:00');
                INSERT INTO entitlements VALUES ('CA90000002', '1000000015', '1000000023', '2024-02-30', NULL, 10000, '1', '2025-01-01T10:00:00+09:00');
                """,
            _ => "SELECT 1",
        });
        return ValueTask.FromResult(new ChildAllowanceViewAdapter(new ChildAllowanceViewOptions { Provider = "sqlite", ConnectionString = ConnectionString, BatchSize = batchSize }));
    }

    protected override ValueTask<string?> ChangeOneRecordAsync(ChildAllowanceViewAdapter adapter, CancellationToken cancellationToken)
    {
        Execute("UPDATE entitlements SET monthly_amount = 15000, updated_at = '2026-03-31T16:00:00+09:00' WHERE entitlement_id = (SELECT MIN(entitlement_id) FROM entitlements)");
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT MIN(entitlement_id) FROM entitlements";
        return ValueTask.FromResult((string?)command.ExecuteScalar());
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection(ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _city?.Dispose();
}
