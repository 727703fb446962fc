using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hub.Adapters.Catalog;
using Hub.Capabilities.PushTargets;
using Hub.Capabilities.PushTargets.Criteria;
using Hub.Data;
using Hub.Data.Providers;
using Hub.Demo.City;
using Hub.PushTargets.Benchmarks;
using Hub.Sync.Running;
using Hub.Sync.Sources;
using Hub.Testing.Demo;
using Hub.Testing.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: dotnet run -c Release --project tests/Hub.PushTargets.Benchmarks -- [--residents N] [--work DIR] [--providers postgresql,sqlite] [--runs N]
//        [--only ID,…] [--reuse] [--explain]
//        dotnet run -c Release --project tests/Hub.PushTargets.Benchmarks -- --kinds [--residents N (default 100,000)] [--work DIR] [--providers postgresql,sqlite] [--runs N] [--explain]
// --reuse keeps one synced database per provider and city size (SQLite: WORK/hub-N.db; PostgreSQL: database push_N on the
// server named by HUB_TEST_POSTGRES) and syncs only when it is empty; pending migrations are applied either way.
// --explain prints the hub's SQL and both queries' plans (EXPLAIN (ANALYZE, BUFFERS) / EXPLAIN QUERY PLAN) to stderr.
var residents = Arg("--residents", 1_000_000);
var work = Arg("--work", Path.Combine(Path.GetTempPath(), "hub-push-bench"));
var runs = Arg("--runs", 5);
var providers = Arg("--providers", "postgresql,sqlite").Split(',', StringSplitOptions.RemoveEmptyEntries);
var only = Arg("--only", string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries);
var reuse = Environment.GetCommandLineArgs().Contains("--reuse");
var explain = Environment.GetCommandLineArgs().Contains("--explain");
if (Environment.GetCommandLineArgs().Contains("--kinds"))
{
    // Issue 14: a criterion on a kind declared as data beside the same on the typed table (KindsBenchmark); 100,000 residents by default.
    Directory.CreateDirectory(work);
    await KindsBenchmark.RunAsync(work, Arg("--residents", 100_000), runs, providers, explain);
    return;
}

Directory.CreateDirectory(work);
var city = Path.Combine(work, $"city-{residents}");
if (!File.Exists(Path.Combine(city, "manifest.json")))
{
    Console.Error.WriteLine($"generating a {residents:N0}-resident city in {city} …");
    DemoCityGenerator.Generate(new DemoCityOptions { Residents = residents, Seed = 1 }, city);
}

var asOf = new DemoCityOptions().AsOf;
var definitions = PushTargetDefinitionReader.LoadDirectory(SchemaDirectory.Find("push-targets"));
var table = new List<string>();
var exports = new List<string>();
PostgreSqlServer? server = null;
foreach (var provider in providers)
{
    var kind = provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase) ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
    string connectionString;
    if (kind == DatabaseProvider.PostgreSql)
    {
        server ??= await PostgreSqlServer.StartAsync();
        connectionString = reuse ? await ReusedPostgreSqlDatabase(server, $"push_{residents}") : await server.CreateDatabaseAsync("push");
    }
    else
    {
        connectionString = $"Data Source={Path.Combine(work, reuse ? $"hub-{residents}.db" : $"hub-{Guid.NewGuid():N}.db")}";
    }

    var factory = new HubDbContextFactory(new HubDatabaseOptions { Provider = kind.ToString(), ConnectionString = connectionString });
    await HubDatabaseInitializer.MigrateAsync(factory);
    var clock = Stopwatch.StartNew();
    await using (var db = factory.CreateDbContext())
    {
        if (reuse && await db.Residents.AnyAsync())
        {
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
            Console.Error.WriteLine($"{kind}: reusing the synced database");
            goto Synced;
        }
    }

    var runner = new SyncRunner(factory, TimeProvider.System, NullLogger<SyncRunner>.Instance);
    foreach (var source in DemoSources.For(city).All)
    {
        var r = await runner.RunAsync(source);
        if (!r.Succeeded)
        {
            throw new InvalidOperationException($"{source.Name}: {r.Status} {r.Error}");
        }
    }

    await using (var db = factory.CreateDbContext())
    {
        // Statistics as autovacuum (PostgreSQL) or the hub's maintenance (SQLite) would leave them after a load.
        await db.Database.ExecuteSqlRawAsync("ANALYZE");
    }

    Console.Error.WriteLine($"{kind}: synced in {clock.Elapsed.TotalSeconds:F0} s");
Synced:
    var query = new PushTargetQuery(factory, TimeProvider.System);
    foreach (var (id, definition) in definitions.Where(d => only.Length == 0 || only.Contains(d.Key)))
    {
        var (where, parameters) = HandWrittenQueries.For(id, asOf);
        if (explain)
        {
            await Explain(factory, kind, id, definition.Criteria, asOf, where, parameters);
        }

        var hubIds = new List<long>();
        await foreach (var row in query.StreamAsync(definition.Criteria, asOf))
        {
            hubIds.Add(row.Id);
        }

        await using var db = factory.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var handIds = new List<long>();
        await using (var command = HandWrittenQueries.Command(connection, kind, $"SELECT r.id FROM residents r WHERE {where} ORDER BY r.id", parameters))
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                handIds.Add(reader.GetInt64(0));
            }
        }

        var same = hubIds.SequenceEqual(handIds);
        var (hubPage, handPage) = await PairedTiming.RunAsync(runs, () => query.PageRowsAsync(definition.Criteria, asOf, 100, null), async () =>
        {
            await using var command = HandWrittenQueries.Command(connection, kind, $"SELECT r.id, r.atena_number, r.household_number, r.name, r.name_kana, r.sex, r.birth_date_text, r.relationship, r.postal_code, r.area_code, r.address, r.address_supplement FROM residents r WHERE {where} ORDER BY r.id LIMIT 100", parameters);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
            }
        });
        var (hubCount, handCount) = await PairedTiming.RunAsync(runs, () => query.CountAsync(definition.Criteria, asOf), async () =>
        {
            await using var command = HandWrittenQueries.Command(connection, kind, $"SELECT COUNT(*) FROM residents r WHERE {where}", parameters);
            await command.ExecuteScalarAsync();
        });
        table.Add(string.Create(CultureInfo.InvariantCulture,
            $"| {kind} | {id} | {hubIds.Count:N0} | {(same ? "yes" : $"NO ({handIds.Count:N0})")} | {Ms(hubPage)} | {Ms(handPage)} | {hubPage / handPage:F2} | {Ms(hubCount)} | {Ms(handCount)} | {hubCount / handCount:F2} |"));
        Console.Error.WriteLine(table[^1]);
    }

    // Export rate: every living resident (the largest list there is), streamed and written as CSV.
    var everyone = new AgeCriterion(0, null, UncertainAges.Include);
    clock.Restart();
    long rows = 0;
    await using (var sink = new StreamWriter(Stream.Null, new UTF8Encoding(false)))
    {
        await foreach (var row in query.StreamAsync(everyone, asOf))
        {
            await sink.WriteLineAsync(string.Join(',', PushTargetFields.All.Select(f => f.Value(row))));
            rows++;
        }
    }

    exports.Add(string.Create(CultureInfo.InvariantCulture, $"| {kind} | {rows:N0} | {clock.Elapsed.TotalSeconds:F1} s | {rows / clock.Elapsed.TotalSeconds:N0} |"));
}

if (server is not null)
{
    await server.DisposeAsync();
}

Console.WriteLine($"City: {residents:N0} residents (seed 1), reference date {asOf:yyyy-MM-dd}, median of at least {runs} interleaved runs after one warm-up (more for short queries, about 2 s), {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at end");
Console.WriteLine("| provider | definition | residents | same as hand-written | hub first page (100) | hand-written first page | ratio | hub count | hand-written count | ratio |");
Console.WriteLine("| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
table.ForEach(Console.WriteLine);
Console.WriteLine();
Console.WriteLine("| provider | export rows (every living resident) | time | residents/s |");
Console.WriteLine("| --- | ---: | ---: | ---: |");
exports.ForEach(Console.WriteLine);

static async Task<string> ReusedPostgreSqlDatabase(PostgreSqlServer server, string name)
{
    await using var connection = new Npgsql.NpgsqlConnection(server.AdminConnectionString);
    await connection.OpenAsync();
    await using var exists = new Npgsql.NpgsqlCommand($"SELECT 1 FROM pg_database WHERE datname = '{name}'", connection);
    if (await exists.ExecuteScalarAsync() is null)
    {
        await using var create = new Npgsql.NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
    }

    return new Npgsql.NpgsqlConnectionStringBuilder(server.AdminConnectionString) { Database = name }.ConnectionString;
}

static async Task Explain(HubDbContextFactory factory, DatabaseProvider kind, string id, TargetCriterion criteria, DateOnly asOf, string where, Dictionary<string, object> parameters)
{
    await using var db = factory.CreateDbContext();
    var connection = db.Database.GetDbConnection();
    await connection.OpenAsync();
    var prefix = kind == DatabaseProvider.PostgreSql ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ";
    var hubPage = PushTargetQuery.Rows(db, criteria, asOf).Where(r => r.Id > 0L).OrderBy(r => r.Id).Take(101).CreateDbCommand();
    var hubCount = PushTargetQuery.Selected(db, criteria, asOf).Select(x => x.Id).CreateDbCommand();
    hubCount.CommandText = $"SELECT COUNT(*) FROM ({hubCount.CommandText}) AS c";
    foreach (var (label, command) in new[]
    {
        ("hub first page", hubPage),
        ("hand-written first page", HandWrittenQueries.Command(connection, kind, $"SELECT r.id, r.atena_number, r.household_number, r.name, r.name_kana, r.sex, r.birth_date_text, r.relationship, r.postal_code, r.area_code, r.address, r.address_supplement FROM residents r WHERE {where} ORDER BY r.id LIMIT 100", parameters)),
        ("hub count", hubCount),
        ("hand-written count", HandWrittenQueries.Command(connection, kind, $"SELECT COUNT(*) FROM residents r WHERE {where}", parameters)),
    })
    {
        Console.Error.WriteLine($"==== {kind} {id}: {label}\n{command.CommandText}\n----");
        command.CommandText = prefix + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.Error.WriteLine(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
        }

        await command.DisposeAsync();
    }
}

static string Ms(double ms) => ms.ToString(ms < 10 ? "F1" : "F0", CultureInfo.InvariantCulture) + " ms";

static T Arg<T>(string name, T fallback)
{
    var args = Environment.GetCommandLineArgs();
    var i = Array.IndexOf(args, name);
    return i < 0 || i + 1 >= args.Length ? fallback : (T)Convert.ChangeType(args[i + 1], typeof(T), CultureInfo.InvariantCulture);
}
