using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Hub.Adapters;
using Hub.Adapters.Catalog;
using Hub.Adapters.Records;
using Hub.Adapters.Sdk;
using Hub.Data;
using Hub.Data.Providers;
using Hub.Data.Queries;
using Hub.Demo.City;
using Hub.Sync.Running;
using Hub.Testing.Demo;
using Hub.Testing.Kinds;
using Hub.Testing.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Api.Benchmarks;

/// <summary>
/// Issue 14's pre-fill figures (<c>--kinds</c>): over HTTP against the real hub, the form <c>long-term-care-renewal</c> (four
/// 住民 fields and four fields of 要介護認定, <c>longTermCare</c>, a kind declared as data read from <c>generic_records</c>)
/// beside <c>child-allowance-application</c> (typed kinds only: 住民, 個人住民税 and the household's members), for the same
/// applicants, each of whom has two 要介護認定 (an expired one and the current one). At each concurrency the two forms run
/// one after the other, in swapped order at every other level.
/// </summary>
internal static class KindsPrefill
{
    private const double P99TargetMs = 15;

    public static async Task<int> RunAsync(string root, string hub, string work, int residents, string[] providers, int[] levels, int maxRequests, int maxSeconds)
    {
        var city = Path.Combine(work, $"city-{residents}");
        if (!File.Exists(Path.Combine(city, "manifest.json")))
        {
            Console.Error.WriteLine($"generating a {residents:N0}-resident city in {city} …");
            DemoCityGenerator.Generate(new DemoCityOptions { Residents = residents, Seed = 1 }, city);
        }

        var loadAtStart = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        var catalog = FieldCatalog.LoadDefault();
        var rows = new List<string>();
        var notes = new List<string>();
        var typedToken = await HubServerProcess.TokenAsync(hub, root, "demo-child-clerk");
        var genericToken = await HubServerProcess.TokenAsync(hub, root, "demo-ltc-clerk");
        PostgreSqlServer? server = null;
        var scratch = new List<string>();
        try
        {
            foreach (var provider in providers)
            {
                var postgres = provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase);
                if (postgres)
                {
                    server ??= await PostgreSqlServer.StartAsync();
                }

                var file = Path.Combine(work, $"kinds-{Guid.NewGuid():N}.db");
                var witness = Path.Combine(work, $"witness-{Guid.NewGuid():N}");
                scratch.AddRange([file, witness]);
                var connectionString = postgres ? await server!.CreateDatabaseAsync("kindsprefill") : $"Data Source={file}";
                var kind = postgres ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
                var factory = new HubDbContextFactory(new HubDatabaseOptions { Provider = kind.ToString(), ConnectionString = connectionString });
                await HubDatabaseInitializer.MigrateAsync(factory);
                var runner = new SyncRunner(factory, TimeProvider.System, NullLogger<SyncRunner>.Instance, catalog);
                foreach (var source in DemoSources.For(city).All)
                {
                    Succeeded(await runner.RunAsync(source));
                }

                List<string> applicants;
                await using (var db = factory.CreateDbContext())
                {
                    applicants = await db.Residents.AsNoTracking().Living().Where(r => r.HouseholdNumber != null)
                        .OrderBy(r => r.AtenaNumber).Select(r => r.AtenaNumber).ToListAsync();
                }

                applicants = [.. applicants.Where((_, i) => i % Math.Max(1, applicants.Count / 5_000) == 0)];
                var ltc = catalog.Kind("longTermCare")!;
                Succeeded(await runner.RunAsync(new SyncSource("bench-long-term-care", "long-term-care", () => new RecordListAdapter(() => Certifications(ltc, applicants), 2_000)) { Record = ltc.Name }));
                Console.Error.WriteLine($"{kind}: city synced, {applicants.Count * 2:N0} 要介護認定 for {applicants.Count:N0} applicants");

                var port = FreePort();
                await using var process = await HubServerProcess.StartAsync(hub, root, kind.ToString(), connectionString, port,
                    new Dictionary<string, string> { ["Hub__Audit__Checkpoints__WitnessDirectory"] = witness });
                using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
                {
                    BaseAddress = new Uri($"http://127.0.0.1:{port}"),
                };
                var typed = new PrefillClient(http, typedToken, "child-allowance", "child-allowance-application");
                var generic = new PrefillClient(http, genericToken, "long-term-care", "long-term-care-renewal");
                typed.Prepare(applicants);
                generic.Prepare(applicants);
                await typed.VerifyAsync(applicants[0]);
                await VerifyFilledAsync(http, genericToken, applicants[0]);
                // Past the JIT's tiering for both forms before the first timed row, so that neither is measured colder.
                foreach (var client in new[] { typed, generic, typed, generic })
                {
                    await Load.RunAsync(c => client.SendAsync(applicants[c % applicants.Count]), 4, 2_000, TimeSpan.FromSeconds(10));
                }

                for (var l = 0; l < levels.Length; l++)
                {
                    var concurrency = levels[l];
                    var order = l % 2 == 0 ? new[] { ("typed", typed), ("generic", generic) } : [("generic", generic), ("typed", typed)];
                    var at = new Dictionary<string, Stats>();
                    foreach (var (label, client) in order)
                    {
                        await Load.RunAsync(c => client.SendAsync(applicants[c % applicants.Count]), concurrency, 1_000, TimeSpan.FromSeconds(5)); // warm-up
                        var hubCpu = process.CpuTime;
                        var stats = await Load.RunAsync(c => client.SendAsync(applicants[c % applicants.Count]), concurrency, maxRequests, TimeSpan.FromSeconds(maxSeconds));
                        at[label] = stats = stats with { HubCpu = process.CpuTime - hubCpu };
                        rows.Add(string.Create(CultureInfo.InvariantCulture,
                            $"| {kind} | {(label == "typed" ? "child-allowance-application (typed only)" : "long-term-care-renewal (longTermCare, generic)")} | {concurrency} | {stats.Count:N0} | {stats.PerSecond:N0} | {stats.P50:F2} | {stats.P99:F2} | {stats.Errors} | {(stats.Count > 0 ? (stats.HubCpu!.Value.TotalMicroseconds / stats.Count).ToString("N0", CultureInfo.InvariantCulture) : "–")} |"));
                        Console.Error.WriteLine(rows[^1]);
                    }

                    notes.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{kind}, c={concurrency}: generic ÷ typed p50 {at["generic"].P50 / at["typed"].P50:F2}, p99 {at["generic"].P99 / at["typed"].P99:F2}, hub CPU per request {at["generic"].HubCpu!.Value / Math.Max(1, at["generic"].Count) / (at["typed"].HubCpu!.Value / Math.Max(1, at["typed"].Count)):F2}; generic p99 < {P99TargetMs} ms: {(at["generic"].P99 < P99TargetMs ? "met" : "not met")}."));
                }
            }
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }

            Scratch.Delete(work, scratch);
        }

        Console.WriteLine($"Kinds: city of {residents:N0} residents (seed 1); {Environment.ProcessorCount} cores; at most {maxRequests:N0} requests or {maxSeconds} s per row after a warm-up; load average {loadAtStart} at start, {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at printing");
        Console.WriteLine("| provider | form | concurrency | requests | req/s | p50 ms | p99 ms | errors | hub CPU µs/req |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.ForEach(Console.WriteLine);
        Console.WriteLine();
        notes.ForEach(n => Console.WriteLine("- " + n));
        return 0;
    }

    // Two certifications per applicant: one that ended last year and the one valid on the demo city's date.
    private static IEnumerable<CanonicalRecord> Certifications(RecordKind kind, IReadOnlyList<string> applicants)
    {
        string[] levels = ["要支援1", "要支援2", "要介護1", "要介護2", "要介護3", "要介護4", "要介護5"];
        var stamp = new DateTimeOffset(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(9));
        for (var i = 0; i < applicants.Count; i++)
        {
            foreach (var (from, until) in new[] { (new DateOnly(2024, 4, 1), new DateOnly(2025, 3, 31)), (new DateOnly(2025, 4, 1), new DateOnly(2027, 3, 31)) })
            {
                var values = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["atenaNumber"] = applicants[i],
                    ["insuredNumber"] = (1_000_000 + i).ToString("D10", CultureInfo.InvariantCulture),
                    ["careLevel"] = levels[(i + from.Year) % levels.Length],
                    ["validFrom"] = from,
                    ["validUntil"] = until,
                    ["certifiedOn"] = from.AddDays(-20),
                };
                yield return new CanonicalGenericRecord { Kind = kind.Name, Key = kind.KeyOf(values), Values = values, SourceTimestamp = stamp };
            }
        }
    }

    // The generic form must answer with the certification's values, not merely without errors.
    private static async Task VerifyFilledAsync(HttpClient http, string token, string atena)
    {
        const string Query = "query P($f: String!, $a: String!) { prefill(formId: $f, atenaNumber: $a) { items { id status value } } }";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(System.Text.Json.JsonSerializer.Serialize(new { query = Query, variables = new { f = "long-term-care-renewal", a = atena } }), Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        request.Headers.TryAddWithoutValidation("X-Hub-Task", "long-term-care");
        request.Headers.TryAddWithoutValidation("X-Hub-Purpose", "benchmark");
        request.Headers.TryAddWithoutValidation("X-Hub-Case", "BENCH");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        using var doc = System.Text.Json.JsonDocument.Parse(body);
        var items = doc.RootElement.GetProperty("data").GetProperty("prefill").GetProperty("items").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("status").GetString());
        if (items.GetValueOrDefault("careLevel") != "FILLED" || items.GetValueOrDefault("validFrom") != "FILLED")
        {
            throw new InvalidOperationException($"long-term-care-renewal did not fill the certification: {string.Join(", ", items.Select(i => $"{i.Key}={i.Value}"))}");
        }
    }

    private static void Succeeded(SyncRunSummary run)
    {
        if (!run.Succeeded || run.Quarantined > 0)
        {
            throw new InvalidOperationException($"{run.Source}: {run.Status} {run.Error}, {run.Quarantined:N0} quarantined");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
