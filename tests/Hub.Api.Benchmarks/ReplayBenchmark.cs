using System.Diagnostics;
using System.Globalization;
using Hub.Capabilities.Policies;
using Hub.Data;
using Hub.Data.Providers;
using Hub.Policy.Administration;
using Hub.Policy.Masks;
using Microsoft.EntityFrameworkCore;
using AdapterCatalog = Hub.Adapters.Catalog.FieldCatalog;
using PolicyCatalog = Hub.Policy.Catalog.FieldCatalog;

namespace Hub.Api.Benchmarks;

/// <summary>
/// Issue 17's replay figure: 30 days of access records of a city (default 1,500,000 records: about 500 staff making 100
/// responses a day, for a 100,000-resident city) on SQLite, replayed against a changed policy (PolicyReplay, what the
/// console's impact screen runs), beside a plain read of the same records' columns in the same run. Every record is one
/// of the demo staff's (user, task) pairs reading fields the policy in force lets them read, about a random resident.
/// </summary>
internal static class ReplayBenchmark
{
    private const int Days = 30;

    public static async Task<int> RunAsync(string root, string work, int records)
    {
        var file = Path.Combine(work, $"replay-{Guid.NewGuid():N}.db");
        try
        {
            var factory = new HubDbContextFactory(new HubDatabaseOptions { Provider = nameof(DatabaseProvider.Sqlite), ConnectionString = $"Data Source={file}" });
            await HubDatabaseInitializer.MigrateAsync(factory);
            var catalog = new PolicyCatalog(AdapterCatalog.LoadDefault().Fields.Select(f => (f.Path, (string?)f.Classification)));
            var store = new DatabasePolicyVersionStore(factory, TimeProvider.System);
            var admin = new PolicyAdministration(store, catalog, TimeProvider.System);
            var policyFolder = Path.Combine(root, "schemas", "policy");
            var model = await File.ReadAllTextAsync(Path.Combine(policyFolder, "model.conf"));
            var policy = await File.ReadAllTextAsync(Path.Combine(policyFolder, "policy.csv"));
            var v1 = (await admin.SeedAsync("bench", "default", model, policy))!;
            // The change: the tax clerks lose names, the NHI clerks taxable income.
            var changed = PolicyCellEdit.Revoke(PolicyCellEdit.Revoke(policy, new PolicyCell("role:tax-clerk", "resident-tax", "resident.name", "read"), "bench"), new PolicyCell("role:nhi-clerk", "nhi", "tax.taxableIncome", "read"), "bench");
            var draft = await admin.CreateDraftAsync("bench", "revoke two cells", model, changed, v1.Number);

            var seconds = Stopwatch.StartNew();
            var written = await WriteRecordsAsync(factory, v1, catalog, records);
            Console.Error.WriteLine($"wrote {written:N0} access records in {seconds.Elapsed.TotalSeconds:F1} s");

            var replay = new PolicyReplay(factory, store, catalog, TimeProvider.System);
            Console.WriteLine($"Replay: {written:N0} access records over {Days} days (SQLite, file {new FileInfo(file).Length / 1_048_576:N0} MB), against a draft revoking two cells; load average at start {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
            Console.WriteLine("| run | plain read of the same columns (baseline) | replay against the draft | records refused |");
            Console.WriteLine("| --- | ---: | ---: | ---: |");
            for (var run = 1; run <= 3; run++)
            {
                var read = await PlainReadAsync(factory);
                var timer = Stopwatch.StartNew();
                var result = await replay.ReplayAsync(draft.Number, Days);
                var replayed = timer.Elapsed;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {run} | {read.Elapsed.TotalSeconds:F2} s ({read.Rows:N0} rows) | {replayed.TotalSeconds:F2} s ({result.Records:N0} records) | {result.Refused:N0} |"));
            }

            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(file);
        }
    }

    private static async Task<(TimeSpan Elapsed, long Rows)> PlainReadAsync(HubDbContextFactory factory)
    {
        var timer = Stopwatch.StartNew();
        var from = DateTime.UtcNow.AddDays(-Days);
        await using var db = factory.CreateDbContext();
        long rows = 0;
        await foreach (var row in db.AccessRecords.AsNoTracking().Where(r => r.RecordedAt >= from).Select(r => new { r.UserId, r.Task, r.FieldPaths, r.MyNumberUsed }).AsAsyncEnumerable())
        {
            rows += row.FieldPaths.Length > 0 ? 1 : 0;
        }

        return (timer.Elapsed, rows);
    }

    // Raw inserts in one transaction: the chain columns are filled but not sealed (the replay never reads them).
    private static async Task<int> WriteRecordsAsync(HubDbContextFactory factory, PolicyVersion version, PolicyCatalog catalog, int count)
    {
        var masks = new FieldMaskCache(catalog.Paths);
        masks.Publish("1", PolicyAdministration.Build(version));
        var enforcer = PolicyAdministration.Build(version);
        var templates = enforcer.GetGroupingPolicy().Where(g => g.Count >= 3)
            .Select(g => (User: g[0], Task: g[2], Fields: masks.Get(g[0], g[2]).Filter(catalog.Paths)))
            .Where(p => p.Fields.Count > 0)
            .SelectMany(p => new[] { 3, 6, 12 }.Select(k => (p.User, p.Task, Paths: string.Join(' ', p.Fields.Take(k).Order(StringComparer.Ordinal)))))
            .ToArray();
        var random = new Random(17);
        var start = DateTime.UtcNow.AddDays(-Days).AddMinutes(1);
        var step = (TimeSpan.FromDays(Days) - TimeSpan.FromMinutes(2)).TotalMilliseconds / count; // all in the past when the replay runs
        var hash = new string('0', 64);
        await using var db = factory.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO access_records (sequence, recorded_at, user_id, client_id, task, purpose, \"case\", operation, subject_atena_numbers, field_paths, my_number_used, policy_version, previous_hash, hash) VALUES ($s, $at, $u, NULL, $t, 'bench', NULL, 'resident', $subj, $f, $m, '1', $h, $h)";
        var names = new[] { "$s", "$at", "$u", "$t", "$subj", "$f", "$m", "$h" };
        var parameters = names.Select(n => { var p = insert.CreateParameter(); p.ParameterName = n; insert.Parameters.Add(p); return p; }).ToArray();
        parameters[7].Value = hash;
        for (var i = 0; i < count; i++)
        {
            var (user, task, paths) = templates[random.Next(templates.Length)];
            parameters[0].Value = (long)(i + 1);
            parameters[1].Value = start.AddMilliseconds(i * step);
            parameters[2].Value = user;
            parameters[3].Value = task;
            parameters[4].Value = "|" + (1_000_000_001 + random.Next(100_000)).ToString(CultureInfo.InvariantCulture) + "|";
            parameters[5].Value = paths;
            parameters[6].Value = paths.Contains("resident.myNumber", StringComparison.Ordinal);
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
        return count;
    }
}
