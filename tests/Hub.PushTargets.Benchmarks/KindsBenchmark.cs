using System.Diagnostics;
using System.Globalization;
using Hub.Adapters;
using Hub.Adapters.Catalog;
using Hub.Adapters.Sdk;
using Hub.Capabilities.PushTargets;
using Hub.Capabilities.PushTargets.Criteria;
using Hub.Data;
using Hub.Data.Kinds;
using Hub.Data.Providers;
using Hub.Demo.City;
using Hub.Sync.Running;
using Hub.Testing.Demo;
using Hub.Testing.Kinds;
using Hub.Testing.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.PushTargets.Benchmarks;

/// <summary>
/// Issue 14's extraction figures (<c>--kinds</c>): the city's 国保 qualifications stored twice — in the typed <c>nhi</c> table
/// by the sync of the demo city, and copied through the sync into the kind declared as data <see cref="NhiShapeKind"/> — and
/// the same criterion asked of each: a qualification valid on the reference date (the hub's <c>record</c> criterion beside
/// its typed <c>nhiMember</c>), and one whose 資格取得事由 (the generic kind's indexed field) is 転入 (the hub's <c>record …
/// where</c> beside the hand-written SQL on the typed column). Each pair must return the same residents.
/// </summary>
internal static class KindsBenchmark
{
    private const string Reason = "転入";

    public static async Task RunAsync(string work, int residents, int runs, string[] providers, bool explain)
    {
        var city = Path.Combine(work, $"city-{residents}");
        if (!File.Exists(Path.Combine(city, "manifest.json")))
        {
            Console.Error.WriteLine($"generating a {residents:N0}-resident city in {city} …");
            DemoCityGenerator.Generate(new DemoCityOptions { Residents = residents, Seed = 1 }, city);
        }

        var asOf = new DemoCityOptions().AsOf;
        var catalog = FieldCatalog.Load(NhiShapeKind.CatalogDirectory(work));
        var kind = catalog.Kind(NhiShapeKind.Name)!;
        var paths = kind.Fields.Select(f => f.Path).ToList();
        var active = new RecordCriterion(NhiShapeKind.Name, true, [], paths);
        var byReason = new RecordCriterion(NhiShapeKind.Name, true, [new RecordFieldTest(NhiShapeKind.IndexedField, "string", Reason, null, null, null)], paths);
        var table = new List<string>();
        PostgreSqlServer? server = null;
        var scratch = new List<string>();
        try
        {
            foreach (var provider in providers)
            {
                var postgres = provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase);
                var dbKind = postgres ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
                string connectionString;
                if (postgres)
                {
                    server ??= await PostgreSqlServer.StartAsync();
                    connectionString = await server.CreateDatabaseAsync("pushkinds");
                }
                else
                {
                    var file = Path.Combine(work, $"kinds-{Guid.NewGuid():N}.db");
                    scratch.Add(file);
                    connectionString = $"Data Source={file}";
                }

                var factory = new HubDbContextFactory(new HubDatabaseOptions { Provider = dbKind.ToString(), ConnectionString = connectionString });
                await HubDatabaseInitializer.MigrateAsync(factory);
                await RecordKindIndexes.EnsureAsync(factory, catalog);
                var runner = new SyncRunner(factory, TimeProvider.System, NullLogger<SyncRunner>.Instance, catalog);
                foreach (var source in DemoSources.For(city).All)
                {
                    Succeeded(await runner.RunAsync(source));
                }

                List<CanonicalRecord> copies;
                await using (var db = factory.CreateDbContext())
                {
                    var stamp = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(9));
                    copies = [.. (await db.NhiQualifications.AsNoTracking().Where(q => q.SupersededAt == null).OrderBy(q => q.Id).ToListAsync()).Select(q => (CanonicalRecord)NhiShapeKind.From(kind, q, stamp))];
                }

                Succeeded(await runner.RunAsync(new SyncSource("bench-nhi-shape", SourceSystems.Nhi, () => new RecordListAdapter(() => copies, 2_000)) { Record = NhiShapeKind.Name }));
                await using (var db = factory.CreateDbContext())
                {
                    await db.Database.ExecuteSqlRawAsync("ANALYZE");
                }

                Console.Error.WriteLine($"{dbKind}: city synced, {copies.Count:N0} qualifications copied into {NhiShapeKind.Name}");
                var query = new PushTargetQuery(factory, TimeProvider.System);
                if (explain)
                {
                    await ExplainAsync(factory, dbKind, byReason, asOf);
                }

                await CompareAsync(table, dbKind, runs, "qualification valid on the date", query, asOf, active, "hub nhiMember (typed)", Hub(query, new NhiMemberCriterion(true), asOf));
                var (where, parameters) = HandWrittenQueries.For("kinds", asOf, HandWritten);
                await using var hand = factory.CreateDbContext();
                var connection = hand.Database.GetDbConnection();
                await connection.OpenAsync();
                await CompareAsync(table, dbKind, runs, $"valid, 資格取得事由 = {Reason} (indexed)", query, asOf, byReason, "hand-written SQL on nhi_qualifications", new Side(
                    async () => await Ids(HandWrittenQueries.Command(connection, dbKind, $"SELECT r.id FROM residents r WHERE {where} ORDER BY r.id", parameters)),
                    async () =>
                    {
                        await using var command = HandWrittenQueries.Command(connection, dbKind, $"SELECT r.id, r.atena_number, r.household_number, r.name, r.name_kana, r.sex, r.birth_date_text, r.relationship, r.postal_code, r.area_code, r.address, r.address_supplement FROM residents r WHERE {where} ORDER BY r.id LIMIT 100", parameters);
                        await using var reader = await command.ExecuteReaderAsync();
                        while (await reader.ReadAsync())
                        {
                        }
                    },
                    async () =>
                    {
                        await using var command = HandWrittenQueries.Command(connection, dbKind, $"SELECT COUNT(*) FROM residents r WHERE {where}", parameters);
                        await command.ExecuteScalarAsync();
                    }));
            }
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in scratch.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }.Concat(Directory.GetFiles(work, Path.GetFileName(f) + ".*.lock"))).Where(File.Exists))
            {
                File.Delete(path);
            }
        }

        Console.WriteLine($"Kinds: city of {residents:N0} residents (seed 1), reference date {asOf:yyyy-MM-dd}, its 国保 qualifications typed and as {NhiShapeKind.Name}; median of at least {runs} interleaved runs after one warm-up, {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at end");
        Console.WriteLine("| provider | criterion | residents | same | generic first page (100) | baseline first page | ratio | generic count | baseline count | ratio | baseline |");
        Console.WriteLine("| --- | --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |");
        table.ForEach(Console.WriteLine);
    }

    // The typed column's criterion written by hand: a latest qualification valid on the date (OnDate.NhiInsured) with the reason.
    private const string HandWritten = $"""
        {HandWrittenQueries.Living} AND EXISTS (SELECT 1 FROM nhi_qualifications q WHERE q.atena_number = r.atena_number AND q.superseded_at IS NULL
            AND (q.acquired_on IS NULL OR q.acquired_on <= @asOf) AND (q.lost_on IS NULL OR q.lost_on > @asOf) AND q.acquisition_reason = '{Reason}')
        """;

    private static Side Hub(PushTargetQuery query, TargetCriterion criterion, DateOnly asOf) => new(
        async () =>
        {
            var ids = new List<long>();
            await foreach (var row in query.StreamAsync(criterion, asOf))
            {
                ids.Add(row.Id);
            }

            return ids;
        },
        () => query.PageRowsAsync(criterion, asOf, 100, null),
        () => query.CountAsync(criterion, asOf));

    private static async Task CompareAsync(List<string> table, DatabaseProvider provider, int runs, string label, PushTargetQuery query, DateOnly asOf, RecordCriterion generic, string baselineLabel, Side baseline)
    {
        var hub = Hub(query, generic, asOf);
        var ids = await hub.Ids();
        var same = ids.SequenceEqual(await baseline.Ids());
        var (page, basePage) = await PairedTiming.RunAsync(runs, hub.Page, baseline.Page);
        var (count, baseCount) = await PairedTiming.RunAsync(runs, hub.Count, baseline.Count);
        table.Add(string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {label} | {ids.Count:N0} | {(same ? "yes" : "NO")} | {Ms(page)} | {Ms(basePage)} | {page / basePage:F2} | {Ms(count)} | {Ms(baseCount)} | {count / baseCount:F2} | {baselineLabel} |"));
        Console.Error.WriteLine(table[^1]);
    }

    // The hub's first-page query of a criterion and its plan, to stderr.
    private static async Task ExplainAsync(HubDbContextFactory factory, DatabaseProvider provider, TargetCriterion criterion, DateOnly asOf)
    {
        await using var db = factory.CreateDbContext();
        await db.Database.OpenConnectionAsync();
        await using var command = PushTargetQuery.Rows(db, criterion, asOf).Where(r => r.Id > 0L).OrderBy(r => r.Id).Take(101).CreateDbCommand();
        Console.Error.WriteLine($"==== {provider}: hub first page\n{command.CommandText}\n----");
        command.CommandText = (provider == DatabaseProvider.PostgreSql ? "EXPLAIN (ANALYZE, BUFFERS) " : "EXPLAIN QUERY PLAN ") + command.CommandText;
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            Console.Error.WriteLine(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetValue(i)?.ToString())));
        }
    }

    private static async Task<List<long>> Ids(System.Data.Common.DbCommand command)
    {
        await using (command)
        {
            var ids = new List<long>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                ids.Add(reader.GetInt64(0));
            }

            return ids;
        }
    }

    private static void Succeeded(SyncRunSummary run)
    {
        if (!run.Succeeded || run.Quarantined > 0)
        {
            throw new InvalidOperationException($"{run.Source}: {run.Status} {run.Error}, {run.Quarantined:N0} quarantined");
        }
    }

    private static string Ms(double ms) => ms.ToString(ms < 10 ? "F1" : "F0", CultureInfo.InvariantCulture) + " ms";

    private sealed record Side(Func<Task<List<long>>> Ids, Func<Task> Page, Func<Task> Count);
}
