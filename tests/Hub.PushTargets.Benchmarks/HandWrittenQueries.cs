using System.Data.Common;
using Hub.Capabilities.PushTargets;
using Hub.Data.Queries;
using Hub.Data.Providers;

namespace Hub.PushTargets.Benchmarks;

/// <summary>
/// The baseline: for each saved definition, the SQL a DBA would write by hand for the same residents (same
/// three-valued age handling), with EXISTS/NOT EXISTS and COUNT subqueries correlated on 世帯番号.
/// </summary>
internal static class HandWrittenQueries
{
    // A resident on the reference date (Hub.Data.Queries.OnDate): latest version, not removed by then, possibly born
    // by then, not entered (記載) after it.
    internal const string Living = """
        r.superseded_at IS NULL AND (r.valid_to IS NULL OR r.valid_to > @removedFrom) AND (r.birth_date_earliest IS NULL OR r.birth_date_earliest <= @asOf)
        AND (r.change_date IS NULL OR r.change_date <= @asOf OR r.change_reason IS NULL OR r.change_reason NOT IN ('転入', '出生', '職権記載', '国籍取得', '帰化'))
        """;

    private const string LivingM = """
        m.superseded_at IS NULL AND (m.valid_to IS NULL OR m.valid_to > @removedFrom) AND (m.birth_date_earliest IS NULL OR m.birth_date_earliest <= @asOf)
        AND (m.change_date IS NULL OR m.change_date <= @asOf OR m.change_reason IS NULL OR m.change_reason NOT IN ('転入', '出生', '職権記載', '国籍取得', '帰化'))
        """;

    public static (string Where, Dictionary<string, object> Parameters) For(string id, DateOnly asOf, string? where = null)
    {
        var (condition, parameters) = where is null ? Definition(id, asOf) : (where, new Dictionary<string, object>());
        parameters["asOf"] = asOf;
        parameters["removedFrom"] = OnDate.StartOfDayJst(asOf);
        return (condition, parameters);
    }

    private static (string Where, Dictionary<string, object> Parameters) Definition(string id, DateOnly asOf)
    {
        switch (id)
        {
            case "child-allowance-unclaimed":
                return ($"""
                    {Living} AND (r.birth_date_latest IS NULL OR r.birth_date_latest > @lo) AND (r.birth_date_earliest IS NULL OR r.birth_date_earliest <= @hi)
                    AND NOT EXISTS (SELECT 1 FROM residents m JOIN child_allowance_entitlements e ON e.recipient_atena_number = m.atena_number
                        WHERE m.household_number = r.household_number AND {LivingM}
                          AND e.superseded_at IS NULL AND (e.certified_on IS NULL OR e.certified_on <= @asOf) AND (e.ended_on IS NULL OR e.ended_on >= @asOf))
                    """, new() { ["lo"] = asOf.AddYears(-3), ["hi"] = asOf, ["asOf"] = asOf });
            case "late-elderly-transition":
                var month = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(1);
                var first = month.AddYears(-75).AddDays(-3);
                while (AgeRules.Birthday(first, 75) < month)
                {
                    first = first.AddDays(1);
                }

                var last = month.AddMonths(1).AddDays(-1).AddYears(-75).AddDays(3);
                while (AgeRules.Birthday(last, 75) > month.AddMonths(1).AddDays(-1))
                {
                    last = last.AddDays(-1);
                }

                return ($"{Living} AND (r.birth_date_latest IS NULL OR r.birth_date_latest >= @first) AND (r.birth_date_earliest IS NULL OR r.birth_date_earliest <= @last)",
                    new() { ["first"] = first, ["last"] = last });
            case "elderly-living-alone-area":
                return ($"""
                    {Living} AND r.area_code IN ('0001001','0001002','0001003','0001004','0001005','0001006','0002001','0002002','0002003','0002004','0002005','0002006')
                    AND (r.birth_date_earliest IS NULL OR r.birth_date_earliest <= @hi) AND r.household_number IS NOT NULL
                    AND (SELECT COUNT(*) FROM residents m WHERE m.household_number = r.household_number AND {LivingM}) = 1
                    """, new() { ["hi"] = asOf.AddYears(-65) });
            case "newborn-households":
                return ($"""
                    {Living} AND r.relationship = '世帯主'
                    AND EXISTS (SELECT 1 FROM residents m WHERE m.household_number = r.household_number AND {LivingM}
                        AND m.birth_date_earliest >= @since AND m.birth_date_latest <= @asOf)
                    """, new() { ["since"] = asOf.AddDays(-30), ["asOf"] = asOf });
            default:
                throw new ArgumentException($"no hand-written query for {id}");
        }
    }

    public static DbCommand Command(DbConnection connection, DatabaseProvider provider, string sql, Dictionary<string, object> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.CommandTimeout = 600;
        foreach (var (name, value) in parameters)
        {
            var p = command.CreateParameter();
            p.ParameterName = "@" + name;
            // SQLite keeps DateOnly as ISO text; Npgsql binds DateOnly as date.
            // SQLite keeps DateTime as "yyyy-MM-dd HH:mm:ss.FFFFFFF" text (Microsoft.Data.Sqlite's form, which the sync writes).
            p.Value = provider != DatabaseProvider.Sqlite ? value
                : value is DateOnly d ? d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                : value is DateTime t ? t.ToString("yyyy-MM-dd HH:mm:ss.FFFFFFF", System.Globalization.CultureInfo.InvariantCulture)
                : value;
            command.Parameters.Add(p);
        }

        return command;
    }
}
