using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Hub.Api.Benchmarks;
using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Providers;
using Hub.Data.Queries;
using Hub.Demo.City;
using Hub.Policy.Enforcement;
using Hub.Sync.Running;
using Hub.Sync.Sources;
using Hub.Testing.Demo;
using Hub.Testing.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

// Usage: dotnet build -c Release src/Hub.Api && dotnet run -c Release --project tests/Hub.Api.Benchmarks -- [--residents N] [--work DIR]
//        [--providers sqlite,postgresql] [--requests N] [--seconds S] [--concurrency 1,4,8,16,64] [--sqlite FILE]
//        [--hub PATH/hub.dll] [--http-only] [--merkle-ab] [--merkle-paired [--rounds N] [--warmup S]]
// --proofs N builds the Merkle tree of N leaves in SQLite's access_record_tree (kept in --work for the next run) and times
// inclusion and consistency proofs at that size; nothing else.
// --merkle-ab times the prefill with the hash chain alone against the Merkle tree and signed checkpoints (issue 13), on the
// same database in rounds chain / Merkle / Merkle / chain, at the --concurrency levels; nothing else.
// --merkle-paired [--rounds N] [--warmup S] runs both hubs at the same time, each on its own copy of the database with its
// own clients at each --concurrency level, N rounds (default 3) of fresh process pairs, each warmed up for S seconds
// (default 120: the steady state) before its first timed row: the A/B with the machine's noise falling on both.
// --hub runs another build of the hub (e.g. an older commit's, for a before/after on the same database and load);
// --http-only times the prefill requests only (no bare lookups, appends or enforcement rows).
// --sqlite FILE keeps the SQLite database in FILE and reuses it on the next run (no sync when it exists): for profiling.
// --kinds times the pre-fill of long-term-care-renewal (a kind declared as data) beside child-allowance-application (typed
// kinds only) at the --concurrency levels, for the same applicants (KindsPrefill); nothing else.
// --forms prints the share of items FILLED on every form of schemas/forms under its own task over the demo city (10,000
// residents unless --residents), in process (FormFillBenchmark); nothing else.
// --replay [--records N] writes N access records over 30 days (default 1,500,000: a 100,000-resident city's month) to
// SQLite and times the replay against a changed policy (PolicyReplay) beside a plain read of the same columns; nothing else.
// --intake [--households N] [--http] submits a BIRTH and a MOVE_IN application for N households (default 10,000) on each provider and
// prints submissions/s, submission → legs delivered, items typed per case against paper, and the resident's applications read,
// each beside a baseline of the same run (IntakeBenchmark); with --http then the same through the Release hub: up to
// 1,000 households' applications submitted over HTTP, delivered by the hub's own loop, and the residents' reads with their
// own tokens beside their own record (IntakeHttpPhase; needs dotnet build -c Release src/Hub.Api); nothing else.
// --limits times the refusals of abusive documents beside two small queries instead (LimitsBenchmark; --requests and
// --seconds bound each row).
var residents = Arg("--residents", 100_000);
var work = Arg("--work", Path.Combine(Path.GetTempPath(), "hub-api-bench"));
var providers = Arg("--providers", "sqlite,postgresql").Split(',', StringSplitOptions.RemoveEmptyEntries);
var maxRequests = Arg("--requests", 20_000);
var maxSeconds = Arg("--seconds", 10);
var sqliteFile = Arg("--sqlite", string.Empty);
var levels = Arg("--concurrency", "1,4,8,16,64").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToArray();
var loadAtStart = File.ReadAllText("/proc/loadavg").Split(' ')[0];
const string Form = "child-allowance-application";
const string User = "demo-child-clerk";
const string TaskCode = "child-allowance";
const double P99TargetMs = 15;
const double ThroughputTarget = 1_500;

var root = Repository.Root();
var hub = Arg("--hub", Path.Combine(root, "src", "Hub.Api", "bin", "Release", "net10.0", "hub.dll"));
if (Arg("--proofs", 0L) is > 0 and var proofs)
{
    // Issue 13's proof figures: nothing else runs.
    Directory.CreateDirectory(work);
    return await ProofBenchmark.RunAsync(proofs, work);
}

if (Environment.GetCommandLineArgs().Contains("--replay"))
{
    // Issue 17: 30 days of a city's access records replayed against a changed policy beside a plain read (ReplayBenchmark).
    Directory.CreateDirectory(work);
    return await ReplayBenchmark.RunAsync(root, work, Arg("--records", 1_500_000));
}

if (Environment.GetCommandLineArgs().Contains("--forms"))
{
    // Issue 15: the share of items FILLED on every form under its own task (FormFillBenchmark); in process, no hub build needed.
    Directory.CreateDirectory(work);
    return await FormFillBenchmark.RunAsync(root, work, Arg("--residents", 10_000));
}

if (Environment.GetCommandLineArgs().Contains("--intake"))
{
    // Issue 16: one-stop intake (IntakeBenchmark) in process; with --http also through the Release hub (IntakeHttpPhase).
    Directory.CreateDirectory(work);
    var intakeHttp = Environment.GetCommandLineArgs().Contains("--http");
    if (intakeHttp && !File.Exists(hub))
    {
        Console.Error.WriteLine($"Build the hub first: dotnet build -c Release src/Hub.Api ({hub} is missing).");
        return 2;
    }

    return await IntakeBenchmark.RunAsync(root, work, Arg("--households", 10_000), providers, intakeHttp ? hub : null);
}

var httpOnly = Environment.GetCommandLineArgs().Contains("--http-only");
var merkleAb = Environment.GetCommandLineArgs().Contains("--merkle-ab");
var merklePaired = Environment.GetCommandLineArgs().Contains("--merkle-paired");
var pairedRounds = Arg("--rounds", 3);
var pairedWarmUp = TimeSpan.FromSeconds(Arg("--warmup", 120)); // --merkle-ab and --merkle-paired: load before a hub's first timed row
if (!File.Exists(hub))
{
    Console.Error.WriteLine($"Build the hub first: dotnet build -c Release src/Hub.Api ({hub} is missing).");
    return 2;
}

Directory.CreateDirectory(work);
if (Environment.GetCommandLineArgs().Contains("--kinds"))
{
    // Issue 14: a form reading a kind declared as data beside one reading typed kinds only (KindsPrefill); nothing else.
    return await KindsPrefill.RunAsync(root, hub, work, residents, providers, levels, maxRequests, maxSeconds);
}

if (Environment.GetCommandLineArgs().Contains("--limits"))
{
    return await LimitsBenchmark.RunAsync(root, hub, work, maxRequests, maxSeconds);
}

var city = Path.Combine(work, $"city-{residents}");
if (!File.Exists(Path.Combine(city, "manifest.json")))
{
    Console.Error.WriteLine($"generating a {residents:N0}-resident city in {city} …");
    DemoCityGenerator.Generate(new DemoCityOptions { Residents = residents, Seed = 1 }, city);
}

var enforcer = Enforcer.FromFiles(Path.Combine(root, "schemas", "policy", "model.conf"), Path.Combine(root, "schemas", "policy", "policy.csv"));
var formPaths = FormPaths(Path.Combine(root, "schemas", "forms", Form + ".json"));
var rows = new List<string>();
var notes = new List<string>();
PostgreSqlServer? server = null;
try
{
    foreach (var provider in providers)
    {
        var postgres = provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase);
        string connectionString;
        var reuse = false;
        if (postgres)
        {
            server ??= await PostgreSqlServer.StartAsync();
            connectionString = await server.CreateDatabaseAsync("apibench");
        }
        else if (sqliteFile.Length > 0)
        {
            reuse = File.Exists(sqliteFile);
            connectionString = $"Data Source={Path.GetFullPath(sqliteFile)}";
        }
        else
        {
            connectionString = $"Data Source={Path.Combine(work, $"hub-{Guid.NewGuid():N}.db")}";
        }

        var kind = postgres ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        var factory = new HubDbContextFactory(new HubDatabaseOptions { Provider = kind.ToString(), ConnectionString = connectionString });
        await HubDatabaseInitializer.MigrateAsync(factory);
        var runner = new SyncRunner(factory, TimeProvider.System, NullLogger<SyncRunner>.Instance);
        foreach (var source in reuse ? [] : DemoSources.For(city).All)
        {
            var run = await runner.RunAsync(source);
            if (!run.Succeeded)
            {
                throw new InvalidOperationException($"{source.Name}: {run.Status} {run.Error}");
            }

            Console.Error.WriteLine($"{provider} {source.Name}: {run.Read:N0} synced");
        }

        // Applicants: living residents in a household, spread over the city.
        List<string> applicants;
        await using (var db = factory.CreateDbContext())
        {
            applicants = await db.Residents.AsNoTracking().Living().Where(r => r.HouseholdNumber != null)
                .OrderBy(r => r.AtenaNumber).Select(r => r.AtenaNumber).ToListAsync();
        }

        applicants = [.. applicants.Where((_, i) => i % Math.Max(1, applicants.Count / 5_000) == 0)];

        // A witness folder of this database's own: another database's checkpoints there would read as a fork.
        var witness = Path.Combine(work, $"witness-{Guid.NewGuid():N}");
        var token = await HubServerProcess.TokenAsync(hub, root, User);
        if (merklePaired)
        {
            await PairedMerkleComparison.RunAsync(hub, root, kind, connectionString, server?.AdminConnectionString ?? string.Empty, work, applicants,
                h => new PrefillClient(h, token, TaskCode, Form), levels, pairedRounds, pairedWarmUp, maxRequests, TimeSpan.FromSeconds(maxSeconds), P99TargetMs, rows, notes, Row, FreePort);
            continue;
        }

        if (merkleAb)
        {
            await MerkleComparison.RunAsync(hub, root, kind, connectionString, witness, applicants, token, h => new PrefillClient(h, token, TaskCode, Form),
                levels, pairedWarmUp, maxRequests, TimeSpan.FromSeconds(maxSeconds), P99TargetMs, rows, notes, Row, FreePort);
            continue;
        }

        var port = FreePort();
        await using var process = await HubServerProcess.StartAsync(hub, root, kind.ToString(), connectionString, port,
            new Dictionary<string, string> { ["Hub__Audit__Checkpoints__WitnessDirectory"] = witness });
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
        };
        var client = new PrefillClient(http, token, TaskCode, Form);
        client.Prepare(applicants);
        await client.VerifyAsync(applicants[0]);

        // Bare lookups: the same queries the request runs (applicant, household members, tax assessments), through EF.
        var bare = new BareLookups(factory);
        Stats? bareStats = null, appendStats = null, oneStats = null;
        (int Concurrency, Stats Stats)? best = null, bestWithinP99 = null;
        var bareAt = new Dictionary<int, Stats>();
        foreach (var concurrency in levels)
        {
            await Load.RunAsync(c => client.SendAsync(applicants[c % applicants.Count]), concurrency, 1_000, TimeSpan.FromSeconds(5)); // warm-up: past the JIT's tiering, so CPU per request is the steady state
            var (hubCpu, benchCpu) = (process.CpuTime, Self.CpuTime);
            var stats = await Load.RunAsync(c => client.SendAsync(applicants[c % applicants.Count]), concurrency, maxRequests, TimeSpan.FromSeconds(maxSeconds));
            stats = stats with { HubCpu = process.CpuTime - hubCpu, BenchmarkCpu = Self.CpuTime - benchCpu };
            rows.Add(Row(kind, $"prefill over HTTP, c={concurrency}", stats));
            if (stats.P99 < P99TargetMs && (bestWithinP99 is null || stats.PerSecond > bestWithinP99.Value.Stats.PerSecond))
            {
                // The best concurrency: the highest throughput whose p99 stays under the target.
                bestWithinP99 = (concurrency, stats);
            }

            if (best is null || stats.PerSecond > best.Value.Stats.PerSecond)
            {
                best = (concurrency, stats);
            }

            if (httpOnly)
            {
                continue;
            }

            benchCpu = Self.CpuTime;
            var bareLevel = await Load.RunAsync(c => bare.PrefillLookupsAsync(applicants[c % applicants.Count]), concurrency, maxRequests, TimeSpan.FromSeconds(maxSeconds));
            bareLevel = bareLevel with { BenchmarkCpu = Self.CpuTime - benchCpu };
            benchCpu = Self.CpuTime;
            var appendLevel = await Load.RunAsync(c => bare.AppendAccessRecordAsync(applicants[c % applicants.Count], User, TaskCode), concurrency, maxRequests, TimeSpan.FromSeconds(maxSeconds));
            appendLevel = appendLevel with { BenchmarkCpu = Self.CpuTime - benchCpu };
            oneStats ??= stats;
            bareAt[concurrency] = bareLevel;
            bareStats ??= bareLevel;
            appendStats ??= appendLevel;
            rows.Add(Row(kind, $"bare lookups (EF), c={concurrency}", bareLevel));
            rows.Add(Row(kind, $"access record append alone (group commit), c={concurrency}", appendLevel));
        }

        var (bestLevel, bestStats) = best!.Value;
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"{kind}: highest throughput at c={bestLevel}: {bestStats.PerSecond:N0} req/s, p99 {bestStats.P99:F2} ms; hub CPU {PerRequest(bestStats.HubCpu, bestStats.Count)} µs and benchmark client CPU {PerRequest(bestStats.BenchmarkCpu, bestStats.Count)} µs per request (the client's share of the two: {ClientShare(bestStats):P0})."));
        notes.Add(bestWithinP99 is { } w
            ? string.Create(CultureInfo.InvariantCulture,
                $"{kind}: best concurrency (highest throughput with p99 < {P99TargetMs} ms) c={w.Concurrency}: {w.Stats.PerSecond:N0} req/s, p50 {w.Stats.P50:F2} ms, p99 {w.Stats.P99:F2} ms{(bareAt.TryGetValue(w.Concurrency, out var b) ? $"; bare lookups at c={w.Concurrency}: {b.PerSecond:N0}/s, p99 {b.P99:F2} ms" : "")}. Both targets (≥ {ThroughputTarget:N0} req/s and p99 < {P99TargetMs} ms) at one concurrency: {(w.Stats.PerSecond >= ThroughputTarget ? "met" : "not met")}.")
            : $"{kind}: no concurrency kept p99 under {P99TargetMs} ms: both targets at one concurrency not met.");
        if (httpOnly)
        {
            continue;
        }

        // Enforcement alone, at concurrency 1: what the request adds on top of the lookups besides the access record.
        var enforceStats = await Load.RunAsync(c =>
        {
            foreach (var path in formPaths)
            {
                _ = enforcer.Enforce(User, TaskCode, path, "read");
            }

            return Task.CompletedTask;
        }, 1, maxRequests, TimeSpan.FromSeconds(2));
        rows.Add(Row(kind, $"enforcement alone ({formPaths.Count} engine decisions, no mask cache)", enforceStats));
        var share = (enforceStats.Mean + appendStats!.Mean) / oneStats!.Mean;
        notes.Add(string.Create(CultureInfo.InvariantCulture,
            $"{kind}: at c=1 a request takes {oneStats.Mean:F2} ms on average; bare lookups {bareStats!.Mean:F2} ms; enforcement {enforceStats.Mean * 1000:F1} µs + access record {appendStats.Mean:F2} ms = {share:P0} of the request (target < 30 %: {(share < 0.30 ? "met" : "not met")})."));
    }
}
finally
{
    if (server is not null)
    {
        await server.DisposeAsync();
    }
}

Console.WriteLine($"City: {residents:N0} residents (seed 1); form {Form} as {User} in task {TaskCode}; {Environment.ProcessorCount} cores; at most {maxRequests:N0} requests or {maxSeconds} s per row; load average {loadAtStart} at start, {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at printing");
Console.WriteLine("| provider | what | requests | req/s | p50 ms | p99 ms | errors | hub CPU µs/req | benchmark CPU µs/req |");
Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
rows.ForEach(Console.WriteLine);
Console.WriteLine();
notes.ForEach(n => Console.WriteLine("- " + n));
return 0;

static string Row(DatabaseProvider kind, string what, Stats s) => string.Create(CultureInfo.InvariantCulture,
    $"| {kind} | {what} | {s.Count:N0} | {s.PerSecond:N0} | {s.P50:F2} | {s.P99:F2} | {s.Errors} | {PerRequest(s.HubCpu, s.Count)} | {PerRequest(s.BenchmarkCpu, s.Count)} |");

static string PerRequest(TimeSpan? cpu, int count) =>
    cpu is { } t && count > 0 ? (t.TotalMicroseconds / count).ToString("N0", CultureInfo.InvariantCulture) : "–";

static double ClientShare(Stats s) =>
    s.HubCpu is { } hub && s.BenchmarkCpu is { } client && hub + client > TimeSpan.Zero ? client / (hub + client) : 0;

static int FreePort()
{
    using var listener = new TcpListener(IPAddress.Loopback, 0);
    listener.Start();
    return ((IPEndPoint)listener.LocalEndpoint).Port;
}

static List<string> FormPaths(string file)
{
    using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
    // Applicant answers (電話番号 …) have no path: no core system holds them, nothing is read.
    static IEnumerable<string> Paths(System.Text.Json.JsonElement items) =>
        items.EnumerateArray().Where(i => i.TryGetProperty("path", out var p) && p.ValueKind == System.Text.Json.JsonValueKind.String).Select(i => i.GetProperty("path").GetString()!);
    var paths = Paths(doc.RootElement.GetProperty("items")).ToList();
    if (doc.RootElement.TryGetProperty("householdMembers", out var members))
    {
        paths.Add("household.members");
        paths.AddRange(Paths(members.GetProperty("items")));
    }

    return paths;
}

static T Arg<T>(string name, T fallback)
{
    var args = Environment.GetCommandLineArgs();
    var i = Array.IndexOf(args, name);
    return i < 0 || i + 1 >= args.Length ? fallback : (T)Convert.ChangeType(args[i + 1], typeof(T), CultureInfo.InvariantCulture);
}

/// <summary>The benchmark process itself.</summary>
internal static class Self
{
    public static TimeSpan CpuTime
    {
        get
        {
            using var me = Process.GetCurrentProcess();
            return me.TotalProcessorTime;
        }
    }
}
