using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Api.Security;
using Hub.Capabilities.Intake;
using Hub.Capabilities.LifeEvents;
using Hub.Data;
using Hub.Data.Providers;
using Hub.Data.Entities.Intake;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Benchmarks;

/// <summary>
/// Issue 16's figures through the real hub (<c>--intake --http</c>): the Release executable serves the database the in-process
/// phase filled, with its own delivery loop (a file drop, polled every 50 ms as the in-process phase does). One client over
/// keep-alive HTTP submits applications at the counter (a day later, so each is a new case), then waits until the hub has
/// delivered every leg; then the residents read <c>me { applications { legs { history } } }</c> with their own tokens, beside
/// <c>me { resident { name } }</c> (the own record) over the same connection, each after a warm-up.
/// </summary>
internal static class IntakeHttpPhase
{
    private const string Submit = "mutation S($e: LifeEvent!, $a: String!, $on: Date!, $answers: [ApplicationAnswerInput!]) { submitApplication(event: $e, atenaNumber: $a, on: $on, answers: $answers) { id legs { id } } }";
    private const string Applications = "{ me { applications { id status legs { department status statusLabel history { to at message } messages } } } }";
    private const string OwnRecord = "{ me { resident { name } } }";

    // submissions: what to submit (event, applicant, the answers the applicant types); readers: the residents who read.
    public static async Task RunAsync(string hubDll, string root, string work, HubDatabaseOptions options, IDbContextFactory<HubDbContext> factory, string name,
        IReadOnlyList<(LifeEventKind Event, string Atena, IReadOnlyList<IntakeAnswer> Answers)> submissions, DateOnly on, IReadOnlyList<string> readers)
    {
        var drop = Path.Combine(work, $"drop-http-{Guid.NewGuid():N}");
        var witness = Path.Combine(work, $"witness-{Guid.NewGuid():N}"); // this database's log only
        var port = 5300 + Random.Shared.Next(600);
        await using var hub = await HubServerProcess.StartAsync(hubDll, root, options.Provider, options.ConnectionString!, port, new Dictionary<string, string>
        {
            ["Hub__Intake__Delivery__FileDrop__Directory"] = drop,
            ["Hub__Intake__Delivery__FileDrop__Format"] = "json",
            ["Hub__Intake__Delivery__PollInterval"] = "00:00:00.050",
            ["Hub__Intake__Delivery__BatchSize"] = "200",
            ["Hub__Audit__Checkpoints__WitnessDirectory"] = witness,
        });
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromHours(1) }) { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        var clerk = DevelopmentTokens.Issue("demo-resident-clerk", ["staff"], TimeSpan.FromHours(2));

        // Warm-up: the same requests on other dates and residents' reads, untimed, past the JIT's first tiers.
        foreach (var (lifeEvent, atena, answers) in submissions.Take(100))
        {
            await PostAsync(http, clerk, "resident-registry", Submit, Variables(lifeEvent, atena, on.AddDays(2), answers));
        }

        var submitted = new List<double>();
        var sw = Stopwatch.StartNew();
        var first = DateTime.UtcNow;
        foreach (var (lifeEvent, atena, answers) in submissions)
        {
            var t = Stopwatch.GetTimestamp();
            await PostAsync(http, clerk, "resident-registry", Submit, Variables(lifeEvent, atena, on.AddDays(1), answers));
            submitted.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        var seconds = sw.Elapsed.TotalSeconds;
        Row(name, "HTTP: submitApplication at the counter (the hub's delivery loop running)", Stats.Of(submitted, 0, seconds));
        var day = on.AddDays(1);
        for (var i = 0; i < 1200; i++)
        {
            await using var db = await factory.CreateDbContextAsync();
            var legs = db.IntakeLegs.Where(l => db.IntakeCases.Any(c => c.Id == l.CaseId && c.On == day)).Select(l => (Guid?)l.Id);
            if (!await db.IntakeOutbox.AnyAsync(o => o.DeliveredAt == null && o.Kind == IntakeOutbox.LegKind && legs.Contains(o.LegId)))
            {
                break;
            }

            await Task.Delay(500);
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            var cases = await db.IntakeCases.AsNoTracking().Where(c => c.On == day).Select(c => new { c.Id, c.SubmittedAt }).ToDictionaryAsync(c => c.Id, c => c.SubmittedAt);
            var legCase = await db.IntakeLegs.AsNoTracking().Where(l => db.IntakeCases.Any(c => c.Id == l.CaseId && c.On == day)).ToDictionaryAsync(l => l.Id, l => l.CaseId);
            var delivered = await db.IntakeOutbox.AsNoTracking().Where(o => o.Kind == IntakeOutbox.LegKind && o.LegId != null).Select(o => new { o.LegId, o.DeliveredAt }).ToListAsync();
            var mine = delivered.Where(d => legCase.ContainsKey(d.LegId!.Value)).ToList();
            var lag = mine.Where(d => d.DeliveredAt is not null).GroupBy(d => legCase[d.LegId!.Value])
                .Select(g => (g.Max(d => d.DeliveredAt!.Value) - cases[g.Key]).TotalMilliseconds).ToList();
            Row(name, "HTTP: submission → every leg delivered by the hub's own loop (file drop)", Stats.Of(lag, mine.Count(d => d.DeliveredAt is null), seconds));
        }

        var tokens = readers.ToDictionary(a => a, a => DevelopmentTokens.Issue("portal-" + a, ["resident"], TimeSpan.FromHours(2), a, "password"), StringComparer.Ordinal);
        foreach (var atena in readers.Take(200))
        {
            await PostAsync(http, tokens[atena], "resident-portal", Applications, null);
            await PostAsync(http, tokens[atena], "resident-portal", OwnRecord, null);
        }

        foreach (var (row, query) in new[] { ("HTTP: me { applications { legs { history messages } } }", Applications), ("HTTP baseline: me { resident { name } } (the own record)", OwnRecord) })
        {
            var times = new List<double>();
            sw.Restart();
            foreach (var atena in readers)
            {
                var t = Stopwatch.GetTimestamp();
                await PostAsync(http, tokens[atena], "resident-portal", query, null);
                times.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }

            Row(name, row, Stats.Of(times, 0, sw.Elapsed.TotalSeconds));
        }

        Scratch.Delete(work, [drop, witness]);
    }

    private static JsonObject Variables(LifeEventKind lifeEvent, string atena, DateOnly on, IReadOnlyList<IntakeAnswer> answers) => new()
    {
        ["e"] = lifeEvent == LifeEventKind.Birth ? "BIRTH" : "MOVE_IN",
        ["a"] = atena,
        ["on"] = on.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        ["answers"] = new JsonArray([.. answers.Select(a => (JsonNode)new JsonObject { ["item"] = a.Item, ["value"] = a.Value })]),
    };

    // One request; an answer with errors or without data stops the benchmark (every figure is of a request that worked).
    private static async Task PostAsync(HttpClient http, string token, string task, string query, JsonObject? variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString(), System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.TryAddWithoutValidation("X-Hub-Task", task);
        request.Headers.TryAddWithoutValidation("X-Hub-Purpose", "benchmark");
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        using var json = JsonDocument.Parse(body);
        if (!response.IsSuccessStatusCode || json.RootElement.TryGetProperty("errors", out _) || !json.RootElement.TryGetProperty("data", out _))
        {
            throw new InvalidOperationException($"HTTP {(int)response.StatusCode}: {(body.Length > 300 ? body[..300] : body)}");
        }
    }

    private static void Row(string provider, string row, Stats s) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {provider} | {row} | {s.Count:N0}{(s.Errors > 0 ? $" ({s.Errors} not delivered)" : string.Empty)} | {s.PerSecond:F1} | {s.P50:F1} | {s.P99:F1} |"));
}
