using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Data;
using Hub.Data.Providers;
using Hub.Data.Queries;
using Hub.Demo.City;
using Hub.Sync.Running;
using Hub.Sync.Sources;
using Hub.Testing.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Api.Benchmarks;

/// <summary>
/// <c>--limits</c>: how long the real hub (Release, Development, default limits) takes to refuse each shape of abusive
/// document, beside two requests that run in full as the baseline: <c>{ __typename }</c> and a resident look-up (one
/// database read, field decisions and an access record). Each shape is sent one request at a time; the table gives the
/// hub's own time (its <c>Server-Timing</c> header) and the round trip seen by the client, p50 and p99, and the hub's CPU
/// per request. Every answer is checked: the expected status and, for a refusal, <c>LIMIT_EXCEEDED</c> naming the setting.
/// </summary>
internal static class LimitsBenchmark
{
    private const string User = "demo-resident-clerk";

    public static async Task<int> RunAsync(string root, string hubDll, string work, int maxRequests, int maxSeconds)
    {
        var city = Path.Combine(work, "city-1000");
        if (!File.Exists(Path.Combine(city, "manifest.json")))
        {
            Console.Error.WriteLine($"generating a 1,000-resident city in {city} …");
            DemoCityGenerator.Generate(new DemoCityOptions { Residents = 1_000, Seed = 1 }, city);
        }

        var file = Path.Combine(work, $"limits-{Guid.NewGuid():N}.db");
        var connectionString = $"Data Source={file}";
        var factory = new HubDbContextFactory(new HubDatabaseOptions { Provider = nameof(DatabaseProvider.Sqlite), ConnectionString = connectionString });
        await HubDatabaseInitializer.MigrateAsync(factory);
        var registry = (IReadOnlyList<SyncSource>)[DemoSources.For(city).Get("resident-registry")];
        foreach (var source in registry)
        {
            var run = await new SyncRunner(factory, TimeProvider.System, NullLogger<SyncRunner>.Instance).RunAsync(source);
            if (!run.Succeeded)
            {
                throw new InvalidOperationException($"{source.Name}: {run.Status} {run.Error}");
            }
        }

        string atena;
        await using (var db = factory.CreateDbContext())
        {
            atena = await db.Residents.AsNoTracking().Living().Where(r => r.HouseholdNumber != null).OrderBy(r => r.AtenaNumber).Select(r => r.AtenaNumber).FirstAsync();
        }

        var (defaultsPort, largePort) = (FreePort(), FreePort());
        await using var defaults = await HubServerProcess.StartAsync(hubDll, root, nameof(DatabaseProvider.Sqlite), connectionString, defaultsPort);
        await using var large = await HubServerProcess.StartAsync(hubDll, root, nameof(DatabaseProvider.Sqlite), connectionString, largePort, new Dictionary<string, string>
        {
            ["Hub__GraphQL__MaxDocumentBytes"] = "1048576",
            ["Hub__GraphQL__MaxRequestBytes"] = "2097152",
        });
        var token = await HubServerProcess.TokenAsync(hubDll, root, User);
        using var defaultsClient = Client(defaultsPort, token);
        using var largeClient = Client(largePort, token);

        var rows = new List<string>();
        var loadAtStart = File.ReadAllText("/proc/loadavg").Split(' ')[0];
        foreach (var shape in Shapes(atena))
        {
            var (client, process) = shape.LargeDocuments ? (largeClient, large) : (defaultsClient, defaults);
            for (var i = 0; i < Math.Min(200, maxRequests); i++)
            {
                _ = await SendAsync(client, shape); // warm-up: past the JIT's tiering
            }

            var server = new List<double>();
            var roundTrip = new List<double>();
            var errors = 0;
            var cpu = process.CpuTime;
            var clock = Stopwatch.StartNew();
            while (server.Count + errors < maxRequests && clock.Elapsed < TimeSpan.FromSeconds(maxSeconds))
            {
                var started = Stopwatch.GetTimestamp();
                var serverMs = await SendAsync(client, shape);
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (serverMs is { } ms)
                {
                    server.Add(ms);
                    roundTrip.Add(elapsed);
                }
                else
                {
                    errors++;
                }
            }

            var hubCpu = process.CpuTime - cpu;
            var s = Stats.Of(server, errors, clock.Elapsed.TotalSeconds);
            var r = Stats.Of(roundTrip, errors, clock.Elapsed.TotalSeconds);
            rows.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {shape.Name} | {(shape.Setting is null ? "runs (baseline)" : $"{shape.Status} {shape.Setting}")} | {shape.Body.Length:N0} | {s.Count:N0} | {s.P50:F3} | {s.P99:F3} | {r.P50:F3} | {r.P99:F3} | {(s.Count > 0 ? hubCpu.TotalMicroseconds / s.Count : double.NaN):N0} | {errors} |"));
        }

        Console.WriteLine($"Limits: hub Release in Development, default limits (the 100,000-token row: MaxDocumentBytes 1 MiB, MaxRequestBytes 2 MiB); one request at a time, at most {maxRequests:N0} requests or {maxSeconds} s per row after 200 warm-up requests; {Environment.ProcessorCount} cores; load average {loadAtStart} at start, {File.ReadAllText("/proc/loadavg").Split(' ')[0]} at printing");
        Console.WriteLine("| request | answer | body bytes | requests | hub p50 ms | hub p99 ms | round trip p50 ms | round trip p99 ms | hub CPU µs/req | wrong answers |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        rows.ForEach(Console.WriteLine);
        File.Delete(file);
        return 0;
    }

    /// <summary>The baselines, then one request per shape of abuse (the same shapes as the tests in Http/Limits).</summary>
    private static IEnumerable<LimitShape> Shapes(string atena)
    {
        var resident = $"r: resident(atenaNumber: \"{atena}\") {{ name }}";
        yield return new("baseline: { __typename }", Body("{ __typename }"), 200, null);
        yield return new("baseline: a resident, their household's members", Body($"{{ resident(atenaNumber: \"{atena}\") {{ name nameKana household {{ members {{ name relationship }} }} }} }}"), 200, null);
        yield return new("alias flood: 1,500 aliases of __typename", Body("{ " + resident + " " + string.Concat(Enumerable.Range(0, 1_500).Select(i => $"a{i}: __typename ")) + "}"), 400, "MaxAliases");

        var fragments = new StringBuilder("{ ...F0 } ");
        for (var i = 0; i < 30; i++)
        {
            fragments.Append(CultureInfo.InvariantCulture, $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} ");
        }

        yield return new("fragment fan-out: 30 fragments each spreading the next twice (2^30 fields)", Body(fragments + "fragment F30 on Query { " + resident + " }"), 400, "MaxComplexity");
        yield return new("nested lists: searchResidents(first: 10) → household → members → household → members", Body("{ " + resident + " searchResidents(kana: \"ア\", first: 10) { household { members { household { members { name } } } } } }"), 400, "MaxComplexity");
        yield return new("introspection cycle: fields → type → fields → type → fields", Body("{ " + resident + " __schema { types { fields { type { fields { type { fields { name } } } } } } } }"), 400, "MaxIntrospectionDepth");
        yield return new("introspection depth: 11 nested ofType", Body("{ " + resident + " __schema { types { fields { type { " + string.Concat(Enumerable.Repeat("ofType { ", 11)) + "name" + new string('}', 11) + " } } } } }"), 400, "MaxDepth");
        yield return new("directive repetition: 60 × @include on one field", Body($"{{ resident(atenaNumber: \"{atena}\") {{ name " + string.Concat(Enumerable.Repeat("@include(if: true) ", 60)) + "} }"), 400, "MaxDirectives");
        yield return new("huge variables: 70,000 bytes", Body("query R($a: String!) { resident(atenaNumber: $a) { name } }", new JsonObject { ["a"] = atena, ["padding"] = new string('x', 70_000) }), 400, "MaxVariablesBytes");
        yield return new("deep variables: 100,000 nested arrays", Encoding.UTF8.GetBytes("{\"query\":\"query R($a: String!) { resident(atenaNumber: $a) { name } }\",\"variables\":{\"a\":\"" + atena + "\",\"deep\":" + new string('[', 100_000) + new string(']', 100_000) + "}}"), 400, "MaxVariablesDepth");
        yield return new("2 MB document", Body("{ " + resident + " " + new string(' ', 2 * 1024 * 1024) + "}"), 413, "MaxRequestBytes");
        yield return new("100 kB document: 10,000 × __typename", Body("{ " + resident + " " + string.Concat(Enumerable.Repeat("__typename ", 10_000)) + "}"), 400, "MaxDocumentBytes");
        yield return new("100,000 tokens (200 kB)", Body("{ " + resident + " " + string.Concat(Enumerable.Repeat("a ", 100_000)) + "}"), 400, "MaxTokens", LargeDocuments: true);
    }

    /// <summary>The hub's time for the request (its Server-Timing), or null when the answer is not the one expected.</summary>
    private static async Task<double?> SendAsync(HttpClient client, LimitShape shape)
    {
        var content = new ByteArrayContent(shape.Body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        using var response = await client.PostAsync(new Uri("/graphql", UriKind.Relative), content).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        var right = (int)response.StatusCode == shape.Status && (shape.Setting is null
            ? !body.Contains("\"errors\"", StringComparison.Ordinal)
            : body.Contains("LIMIT_EXCEEDED", StringComparison.Ordinal) && body.Contains("Hub:GraphQL:" + shape.Setting, StringComparison.Ordinal) && !body.Contains("\"data\"", StringComparison.Ordinal));
        if (!right || !response.Headers.TryGetValues("Server-Timing", out var timing))
        {
            return null;
        }

        var value = timing.First();
        return double.Parse(value[(value.IndexOf("dur=", StringComparison.Ordinal) + 4)..], CultureInfo.InvariantCulture);
    }

    private static byte[] Body(string query, JsonObject? variables = null) =>
        Encoding.UTF8.GetBytes(new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString());

    private static HttpClient Client(int port, string token)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.Add("X-Hub-Task", "resident-registry");
        client.DefaultRequestHeaders.Add("X-Hub-Purpose", "benchmark");
        client.DefaultRequestHeaders.Add("X-Hub-Case", "BENCH");
        client.DefaultRequestHeaders.Accept.ParseAdd("application/graphql-response+json");
        return client;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
