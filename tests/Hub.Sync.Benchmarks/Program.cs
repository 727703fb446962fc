using System.Diagnostics;
using System.Globalization;
using System.Text;
using Hub.Data;
using Hub.Data.Providers;
using Hub.Demo.City;
using Hub.Sync.Benchmarks;
using Hub.Sync.Running;
using Hub.Sync.Sources;
using Hub.Testing.Demo;
using Hub.Testing.PostgreSql;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: dotnet run -c Release --project tests/Hub.Sync.Benchmarks -- [--residents N] [--work DIR] [--providers sqlite,postgresql] [--batch N] [--full-only | --adapters-only]
//        dotnet run -c Release --project tests/Hub.Sync.Benchmarks -- --kinds [--records N] [--residents N] [--work DIR] [--providers postgresql,sqlite] [--batch N]
// --kinds: issue 14's figures, N (default 1,000,000) 国保 qualifications synced typed and as a kind declared as data (KindsBenchmark);
// --residents then defaults to N / 4.
var residents = Arg("--residents", 1_000_000);
var work = Arg("--work", Path.Combine(Path.GetTempPath(), "hub-sync-bench"));
var batch = Arg("--batch", 2_000);
var providers = Arg("--providers", "postgresql,sqlite").Split(',', StringSplitOptions.RemoveEmptyEntries);
if (Array.IndexOf(args, "--kinds") >= 0)
{
    var kindRecords = Arg("--records", 1_000_000L);
    var kindWork = Arg("--work", Path.Combine(Path.GetTempPath(), "hub-sync-bench"));
    Directory.CreateDirectory(kindWork);
    await KindsBenchmark.RunAsync(args, kindWork, kindRecords, Arg("--residents", (int)(kindRecords / 4)), batch, providers);
    return;
}

var fullOnly = Array.IndexOf(args, "--full-only") >= 0; // diagnostic: the full sync and its peak memory, no baselines or delta
Directory.CreateDirectory(work);
var city = Path.Combine(work, $"city-{residents}");
if (!File.Exists(Path.Combine(city, "manifest.json")))
{
    Console.Error.WriteLine($"generating a {residents:N0}-resident city in {city} …");
    DemoCityGenerator.Generate(new DemoCityOptions { Residents = residents, Seed = 1 }, city);
}

var delta = WriteDelta(city, 10_000);
var bare = new List<(string Table, string File, bool Ndjson)>
{
    ("bare_residents", Path.Combine(city, "resident-registry", "residents.csv"), false),
    ("bare_nhi", Path.Combine(city, "nhi", "insured.ndjson"), true),
    ("bare_child_allowance", Path.Combine(city, "child-allowance", "entitlements.csv"), false),
};
bare.AddRange(Directory.GetFiles(Path.Combine(city, "resident-tax"), "assessments-FY*.csv").Order().Select((f, i) => ($"bare_tax_{i}", f, false)));

if (Array.IndexOf(args, "--adapters-only") >= 0)
{
    // Diagnostic: each adapter's read alone (parsing and mapping to canonical records), nothing written.
    foreach (var source in DemoSources.For(city, batch).All)
    {
        var watch = Stopwatch.StartNew();
        var records = new List<Hub.Adapters.Sdk.CanonicalRecord>();
        long n = 0;
        await foreach (var b in source.CreateAdapter().ReadAsync(Hub.Adapters.Sdk.Watermark.Start, CancellationToken.None))
        {
            n += b.Items.Count;
            records.AddRange(b.Items.Where(i => i.Record is not null).Select(i => i.Record!));
        }

        var read = watch.Elapsed;

        // The preparer's NUL/BOM/U+FFFD check of every accepted record's text fields, over the records read: the fastest
        // of five passes (the machine is shared; a pass that was preempted is slower, never faster).
        var check = TimeSpan.MaxValue;
        for (var pass = 0; pass < 5; pass++)
        {
            var start = Stopwatch.GetTimestamp();
            foreach (var record in records)
            {
                _ = Hub.Sync.Quality.TextFieldCheck.Problem(record);
            }

            var elapsed = Stopwatch.GetElapsedTime(start);
            check = elapsed < check ? elapsed : check;
        }

        Console.WriteLine($"{source.Name}: {n:N0} read in {read.TotalSeconds:F2} s = {n / read.TotalSeconds:N0}/s; text field check {check.TotalMilliseconds:F0} ms = {check.TotalNanoseconds / Math.Max(1, records.Count):N0} ns/record = {check / read:P1} of the read");
    }

    return;
}

if (providers.Length > 1)
{
    // One process per provider, as a hub node runs on one database: a provider's peak memory is then its own, not
    // what the process kept committed from the provider measured before it (Npgsql's pools, the GC's heap).
    await OneProcessPerProviderAsync(providers);
    return;
}

var table = new List<string>();
var scratch = new List<string>();
using var memory = new PeakMemory();
PostgreSqlServer? server = null;
foreach (var provider in providers)
{
    string connectionString;
    DatabaseProvider kind;
    if (provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
    {
        server ??= await PostgreSqlServer.StartAsync();
        connectionString = await server.CreateDatabaseAsync("bench");
        kind = DatabaseProvider.PostgreSql;
    }
    else
    {
        var file = Path.Combine(work, $"hub-{Guid.NewGuid():N}.db");
        scratch.Add(file);
        connectionString = $"Data Source={file}";
        kind = DatabaseProvider.Sqlite;
    }

    var factory = new HubDbContextFactory(new HubDatabaseOptions { Provider = kind.ToString(), ConnectionString = connectionString });
    await HubDatabaseInitializer.MigrateAsync(factory);
    var runner = new SyncRunner(factory, TimeProvider.System, NullLogger<SyncRunner>.Instance);
    var sources = DemoSources.For(city, batch);

    // Full sync of the four systems.
    Disk.Flush();
    memory.Reset();
    var clock = Stopwatch.StartNew();
    long records = 0;
    foreach (var source in sources.All)
    {
        var cpu0 = Environment.CpuUsage.TotalTime;
        var pg0 = PgCpu();
        memory.Enter(source.Name);
        var r = await runner.RunAsync(source);
        Console.Error.WriteLine($"  cpu: hub {(Environment.CpuUsage.TotalTime - cpu0).TotalSeconds:F2} s, postgres {PgCpu() - pg0:F2} s");
        if (!r.Succeeded)
        {
            throw new InvalidOperationException($"{source.Name}: {r.Status} {r.Error}");
        }

        records += r.Read;
        Console.Error.WriteLine($"{provider} {source.Name}: {r.Read:N0} in {r.Elapsed.TotalSeconds:F1} s");
        if (fullOnly)
        {
            Console.Error.WriteLine($"  peak so far {memory.PeakBytes / 1048576:N0} MB ({memory.PeakBreakdown}); live heap after the run {GC.GetTotalMemory(true) / 1048576:N0} MB");
        }
    }

    var full = clock.Elapsed;
    var fullPeak = memory.PeakBytes;
    memory.Enter(string.Empty);
    Console.Error.WriteLine($"  peak RSS of the full sync: {fullPeak / 1048576:N0} MB ({memory.PeakBreakdown})");
    if (fullOnly)
    {
        continue;
    }

    // The database's own bulk load of the same rows, into bare tables.
    Disk.Flush();
    clock.Restart();
    var bareRows = kind == DatabaseProvider.PostgreSql
        ? await BareLoad.PostgreSqlAsync(connectionString, bare)
        : await BareLoad.SqliteAsync(Scratch($"bare-{Guid.NewGuid():N}.db"), bare);
    var bareTime = clock.Elapsed;

    // The same load into tables with the hub's columns and indexes: the rows the sync stored, households included.
    Disk.Flush();
    string[] hubTables = ["residents", "households", "tax_assessments", "nhi_qualifications", "child_allowance_entitlements"];
    var indexed = kind == DatabaseProvider.PostgreSql
        ? await BareLoad.PostgreSqlIndexedAsync(connectionString, work, hubTables)
        : await BareLoad.SqliteIndexedAsync(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource, Scratch($"bare-idx-{Guid.NewGuid():N}.db"), hubTables,
            (rows, elapsed) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  the same rows by INSERT … SELECT inside SQLite (no client): {rows:N0} in {elapsed.TotalSeconds:F1} s = {records / elapsed.TotalSeconds:N0} records/s")));
    var indexedCell = string.Create(CultureInfo.InvariantCulture, $"{indexed.Rows:N0} rows in {indexed.Elapsed.TotalSeconds:F1} s = {records / indexed.Elapsed.TotalSeconds:N0} records/s | {indexed.Elapsed.TotalSeconds / full.TotalSeconds:P0}");

    // Delta: 10,000 changed residents on top of the full sync, once the database has settled as it would have by the
    // next scheduled run: no dirty pages of the loads still being written back (Disk.Flush), and on PostgreSQL a
    // checkpoint and no autovacuum of the freshly loaded tables taking one of the two cores.
    if (kind == DatabaseProvider.PostgreSql)
    {
        Console.Error.WriteLine($"  waited {(await Settle.PostgreSqlAsync(connectionString)).TotalSeconds:F0} s for checkpoint and autovacuum before the delta");
    }

    Disk.Flush();
    memory.Reset();
    clock.Restart();
    var deltaRun = await runner.RunAsync(DemoSources.For(city, new Dictionary<string, string?> { ["Hub:Sources:resident-registry:Options:FilePath"] = delta }).Get("resident-registry"));
    var deltaTime = clock.Elapsed;
    var deltaPeak = memory.PeakBytes;
    Console.Error.WriteLine($"  peak RSS of the delta: {deltaPeak / 1048576:N0} MB ({memory.PeakBreakdown})");

    table.Add(string.Create(CultureInfo.InvariantCulture,
        $"| {kind} | {records:N0} | {full.TotalSeconds:F1} s | {records / full.TotalSeconds:N0} | {bareRows:N0} rows in {bareTime.TotalSeconds:F1} s = {bareRows / bareTime.TotalSeconds:N0} | {records / full.TotalSeconds / (bareRows / bareTime.TotalSeconds):P0} | {indexedCell} | {deltaRun.Updated:N0} updated in {deltaTime.TotalSeconds:F2} s | {fullPeak / 1048576:N0} MB / {deltaPeak / 1048576:N0} MB |"));
}

if (server is not null)
{
    await server.DisposeAsync();
}

// The SQLite files this run wrote (gigabytes at a million residents).
Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
foreach (var path in scratch.SelectMany(f => new[] { f, f + "-wal", f + "-shm" }).Concat(scratch.SelectMany(f => Directory.GetFiles(work, Path.GetFileName(f) + ".*.lock"))))
{
    File.Delete(path);
}

PrintTable(table);

void PrintTable(IEnumerable<string> rows)
{
    Console.WriteLine($"City: {residents:N0} residents (seed 1), batches of {batch:N0}, {Environment.ProcessorCount} cores, load {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at start of printing");
    Console.WriteLine("| provider | records (4 systems) | full sync | records/s | bare bulk load, PK only (same source rows) rows/s | sync ÷ bare | bare load, hub's indexes (rows the sync stored) | sync ÷ indexed bare | delta (10,000 changes) | peak RSS full / delta |");
    Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    foreach (var row in rows)
    {
        Console.WriteLine(row);
    }
}

// Runs this benchmark again for each provider (same arguments, that provider alone), passing its progress through and
// collecting its table row.
async Task OneProcessPerProviderAsync(string[] each)
{
    var rows = new List<string>();
    var self = Environment.ProcessPath!;
    var prefix = Path.GetFileNameWithoutExtension(self) == "dotnet" ? [typeof(Program).Assembly.Location] : Array.Empty<string>();
    var rest = args.ToList();
    var at = rest.IndexOf("--providers");
    if (at >= 0)
    {
        rest.RemoveRange(at, 2);
    }

    foreach (var provider in each)
    {
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true };
        foreach (var a in prefix.Concat(rest).Concat(["--providers", provider]))
        {
            start.ArgumentList.Add(a);
        }

        using var child = Process.Start(start)!;
        string? line;
        while ((line = await child.StandardOutput.ReadLineAsync()) is not null)
        {
            if (line.StartsWith("| ", StringComparison.Ordinal) && !line.StartsWith("| provider", StringComparison.Ordinal) && !line.StartsWith("| ---", StringComparison.Ordinal))
            {
                rows.Add(line);
            }
            else if (!line.StartsWith("City:", StringComparison.Ordinal) && !line.StartsWith("| ", StringComparison.Ordinal))
            {
                Console.WriteLine(line);
            }
        }

        await child.WaitForExitAsync();
        if (child.ExitCode != 0)
        {
            throw new InvalidOperationException($"the {provider} run exited with {child.ExitCode}");
        }
    }

    PrintTable(rows);
}

string Scratch(string name)
{
    var path = Path.Combine(work, name);
    scratch.Add(path);
    return path;
}

static double PgCpu()
{
    double total = 0;
    foreach (var dir in Directory.GetDirectories("/proc"))
    {
        try
        {
            var stat = File.ReadAllText(Path.Combine(dir, "stat"));
            if (!stat.Contains("(postgres)", StringComparison.Ordinal))
            {
                continue;
            }

            var f = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            total += (double.Parse(f[11], CultureInfo.InvariantCulture) + double.Parse(f[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    return total;
}

static T Arg<T>(string name, T fallback)
{
    var args = Environment.GetCommandLineArgs();
    var i = Array.IndexOf(args, name);
    return i < 0 || i + 1 >= args.Length ? fallback : (T)Convert.ChangeType(args[i + 1], typeof(T), CultureInfo.InvariantCulture);
}

// The next export of the registry after 10,000 changes (address supplements), written as a delta file.
static string WriteDelta(string city, int changes)
{
    var path = Path.Combine(city, "resident-registry", $"residents-delta-{changes}.csv");
    using var reader = new StreamReader(Path.Combine(city, "resident-registry", "residents.csv"), Encoding.UTF8);
    using var writer = new StreamWriter(path, false, new UTF8Encoding(false)) { NewLine = "\n" };
    var header = reader.ReadLine()!;
    writer.WriteLine(header);
    var columns = header.Split(',');
    int supplement = Array.IndexOf(columns, "address_supplement"), updated = Array.IndexOf(columns, "updated_at");
    var fields = new List<string>();
    var written = 0;
    string? line;
    while (written < changes && (line = reader.ReadLine()) is not null)
    {
        if (!Hub.Adapters.Csv.CsvFields.TrySplit(line, fields, out _) || fields.Count != columns.Length)
        {
            continue;
        }

        fields[supplement] = $"ベンチハイツ{written % 300 + 101}号室";
        fields[updated] = "2026-04-02T09:00:00+09:00";
        writer.WriteLine(string.Join(',', fields.Select(f => f.IndexOfAny([',', '"', '\n']) >= 0 ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f)));
        written++;
    }

    return path;
}
