using System.Diagnostics;
using System.Globalization;
using Hub.Adapters;
using Hub.Adapters.Catalog;
using Hub.Adapters.Sdk;
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
using Npgsql;

namespace Hub.Sync.Benchmarks;

/// <summary>
/// Issue 14's sync figures (<c>--kinds</c>): the same generated 国保 qualifications synced into the typed <c>nhi</c> table and,
/// as the kind declared as data <see cref="NhiShapeKind"/>, into <c>generic_records</c> (JSON values, an expression index on
/// 資格取得事由), one after the other into one database of a synced registry; records/s and peak memory of each, and the
/// generic path's rate as a share of the typed one's. One process per provider.
/// </summary>
internal static class KindsBenchmark
{
    public static async Task RunAsync(string[] args, string work, long records, int residents, int batch, string[] providers)
    {
        if (providers.Length > 1)
        {
            var rows = new List<string>();
            foreach (var each in providers)
            {
                rows.AddRange(await ChildAsync(args, each));
            }

            Print(records, residents, batch, rows);
            return;
        }

        var city = Path.Combine(work, $"city-{residents}");
        if (!File.Exists(Path.Combine(city, "manifest.json")))
        {
            Console.Error.WriteLine($"generating a {residents:N0}-resident city in {city} …");
            DemoCityGenerator.Generate(new DemoCityOptions { Residents = residents, Seed = 1 }, city);
        }

        var catalog = FieldCatalog.Load(NhiShapeKind.CatalogDirectory(work));
        var kind = catalog.Kind(NhiShapeKind.Name)!;
        var table = new List<string>();
        await using var server = providers[0].Equals("postgresql", StringComparison.OrdinalIgnoreCase) ? await PostgreSqlServer.StartAsync() : null;
        var file = Path.Combine(work, $"kinds-{Guid.NewGuid():N}.db");
        var connectionString = server is not null ? await server.CreateDatabaseAsync("kinds") : $"Data Source={file}";
        var provider = server is not null ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        try
        {
            var factory = new HubDbContextFactory(new HubDatabaseOptions { Provider = provider.ToString(), ConnectionString = connectionString });
            await HubDatabaseInitializer.MigrateAsync(factory);
            await RecordKindIndexes.EnsureAsync(factory, catalog);
            var runner = new SyncRunner(factory, TimeProvider.System, NullLogger<SyncRunner>.Instance, catalog);
            var registry = await runner.RunAsync(DemoSources.For(city, batch).Get("resident-registry"));
            Console.Error.WriteLine($"{provider}: registry of {registry.Read:N0} synced (untimed)");
            List<string> atenas;
            await using (var db = factory.CreateDbContext())
            {
                atenas = await db.Residents.AsNoTracking().Where(r => r.SupersededAt == null).Select(r => r.AtenaNumber).Distinct().OrderBy(a => a).ToListAsync();
            }

            using var memory = new PeakMemory();
            double? typedRate = null;
            foreach (var generic in new[] { false, true })
            {
                if (server is not null)
                {
                    Console.Error.WriteLine($"  waited {(await Settle.PostgreSqlAsync(connectionString)).TotalSeconds:F0} s for checkpoint and autovacuum");
                }

                Disk.Flush();
                memory.Reset();
                memory.Enter(generic ? "generic" : "typed");
                var source = new SyncSource(generic ? "bench-nhi-shape" : "bench-nhi", SourceSystems.Nhi, () => new RecordListAdapter(
                    () => generic
                        ? NhiShapeRecords.Generate(atenas, records).Select(q => (CanonicalRecord)NhiShapeKind.From(kind, q))
                        : NhiShapeRecords.Generate(atenas, records),
                    batch))
                { Record = generic ? NhiShapeKind.Name : "nhi" };
                var clock = Stopwatch.StartNew();
                var run = await runner.RunAsync(source);
                var elapsed = clock.Elapsed;
                if (!run.Succeeded || run.Inserted != records)
                {
                    throw new InvalidOperationException($"{source.Name}: {run.Status} {run.Error}; {run.Inserted:N0} of {records:N0} inserted, {run.Quarantined:N0} quarantined");
                }

                var peak = memory.PeakBytes;
                var rate = records / elapsed.TotalSeconds;
                typedRate ??= rate;
                var size = server is not null ? await SizeAsync(connectionString, generic ? "generic_records" : "nhi_qualifications") : "–";
                table.Add(string.Create(CultureInfo.InvariantCulture,
                    $"| {provider} | {(generic ? $"generic ({NhiShapeKind.Name} in generic_records)" : "typed (nhi_qualifications)")} | {run.Inserted:N0} | {elapsed.TotalSeconds:F1} s | {rate:N0} | {(generic ? (rate / typedRate.Value).ToString("F2", CultureInfo.InvariantCulture) + "×" : "baseline")} | {peak / 1048576:N0} MB | {size} |"));
                Console.Error.WriteLine(table[^1] + $" ({memory.PeakBreakdown})");
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm" }.Concat(Directory.GetFiles(work, Path.GetFileName(file) + ".*.lock")).Where(File.Exists))
            {
                File.Delete(path);
            }
        }

        Print(records, residents, batch, table);
    }

    private static void Print(long records, int residents, int batch, IEnumerable<string> rows)
    {
        Console.WriteLine($"Kinds: {records:N0} 国保 qualifications over a {residents:N0}-resident registry (seed 1), batches of {batch:N0}, typed then generic into one database, {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at printing");
        Console.WriteLine("| provider | path | records | sync | records/s | ÷ typed | peak RSS | table + indexes (PostgreSQL) |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }
    }

    private static async Task<string> SizeAsync(string connectionString, string table)
    {
        await using var conn = new NpgsqlConnection(connectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand($"SELECT pg_total_relation_size('{table}')", conn);
        var bytes = Convert.ToInt64(await cmd.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576:N0} MB");
    }

    // Runs this benchmark again for one provider, passing its progress through; returns its table rows.
    private static async Task<List<string>> ChildAsync(string[] args, string provider)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true };
        var rest = args.ToList();
        var at = rest.IndexOf("--providers");
        if (at >= 0)
        {
            rest.RemoveRange(at, 2);
        }

        var prefix = Path.GetFileNameWithoutExtension(self) == "dotnet" ? [typeof(KindsBenchmark).Assembly.Location] : Array.Empty<string>();
        foreach (var a in prefix.Concat(rest).Concat(["--providers", provider]))
        {
            start.ArgumentList.Add(a);
        }

        using var child = Process.Start(start)!;
        var rows = new List<string>();
        string? line;
        while ((line = await child.StandardOutput.ReadLineAsync()) is not null)
        {
            if (line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| provider", StringComparison.Ordinal) && !line.StartsWith("| ---", StringComparison.Ordinal))
            {
                rows.Add(line);
            }
            else if (!line.StartsWith("Kinds:", StringComparison.Ordinal) && !line.StartsWith("| ", StringComparison.Ordinal))
            {
                Console.WriteLine(line);
            }
        }

        await child.WaitForExitAsync();
        return child.ExitCode == 0 ? rows : throw new InvalidOperationException($"the {provider} run exited with {child.ExitCode}");
    }
}
