using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Hub.Demo.City;

/// <summary>
/// 児童手当 as its core system's database: <c>child-allowance/entitlements.db</c> (SQLite), table
/// <c>entitlements</c> and the view <c>v_child_allowance_entitlements</c> the hub reads, with the columns of
/// <c>entitlements.csv</c> (dates and timestamps as ISO text, amounts as integers).
/// </summary>
internal static class ChildAllowanceDatabase
{
    public const string RelativePath = "child-allowance/entitlements.db";
    public const string ViewName = "v_child_allowance_entitlements";

    public static ExportFile Write(string root, string csvPath)
    {
        var path = Path.Combine(root, RelativePath);
        File.Delete(path);
        var rows = 0;
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            Execute(connection, """
                PRAGMA journal_mode = OFF;
                CREATE TABLE entitlements (
                  entitlement_id TEXT PRIMARY KEY, recipient_atena TEXT NOT NULL, child_atena TEXT NOT NULL,
                  certified_on TEXT, ended_on TEXT, monthly_amount INTEGER, status TEXT, updated_at TEXT NOT NULL);
                CREATE INDEX ix_entitlements_updated ON entitlements (updated_at, entitlement_id);
                CREATE VIEW v_child_allowance_entitlements AS
                  SELECT entitlement_id, recipient_atena, child_atena, certified_on, ended_on, monthly_amount, status, updated_at FROM entitlements;
                """);
            using var tx = connection.BeginTransaction();
            using var insert = connection.CreateCommand();
            insert.CommandText = "INSERT INTO entitlements VALUES ($1, $2, $3, $4, $5, $6, $7, $8)";
            var parameters = Enumerable.Range(1, 8).Select(i => insert.Parameters.Add("$" + i.ToString(CultureInfo.InvariantCulture), SqliteType.Text)).ToArray();
            foreach (var line in File.ReadLines(csvPath).Skip(1))
            {
                var cells = line.Split(',');
                for (var i = 0; i < 8; i++)
                {
                    parameters[i].Value = cells[i].Length == 0 ? DBNull.Value : i == 5 ? long.Parse(cells[i], CultureInfo.InvariantCulture) : cells[i];
                }

                insert.ExecuteNonQuery();
                rows++;
            }

            tx.Commit();
        }

        return ExportFile.Written(root, RelativePath, rows);
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
