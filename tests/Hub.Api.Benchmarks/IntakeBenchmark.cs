using System.Diagnostics;
using System.Globalization;
using Hub.Adapters.Catalog;
using Hub.Adapters.Outbound.FileDrop;
using Hub.Capabilities.Audit;
using Hub.Capabilities.Intake;
using Hub.Capabilities.Intake.Delivery;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.Prefill;
using Hub.Capabilities.Records;
using Hub.Capabilities.Requests;
using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Providers;
using Hub.Demo.City;
using Hub.Policy.Enforcement;
using Hub.Policy.Masks;
using Hub.Sync.Running;
using Hub.Testing.Demo;
using Hub.Testing.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Api.Benchmarks;

/// <summary>
/// Issue 16's figures (<c>--intake [--households N]</c>), in process on SQLite and PostgreSQL: a demo city synced, then for
/// N households a BIRTH application for the youngest member and a MOVE_IN application for the head (answers typed for every
/// item only the applicant knows), one client. Printed: submissions/s beside the baseline of the same run (the same
/// households' forms pre-filled desk by desk under each form's task, each with its access record: what the counters do today
/// without a case), the time from submission to every leg of the case being visible in its department's queue and delivered
/// to its file drop (the outbox run beside the submissions), items typed per case against the items on the paper forms, and
/// the p99 of the resident's applications read (what <c>me { applications }</c> resolves) beside a read of the resident's own record.
/// </summary>
internal static class IntakeBenchmark
{
    // hubDll: with --http, the Release hub for the phase over HTTP (IntakeHttpPhase); else null.
    public static async Task<int> RunAsync(string root, string work, int households, string[] providers, string? hubDll)
    {
        var residents = Math.Max(1_000, households * 3);
        var city = Path.Combine(work, $"city-{residents}");
        if (!File.Exists(Path.Combine(city, "manifest.json")))
        {
            Console.Error.WriteLine($"generating a {residents:N0}-resident city in {city} …");
            DemoCityGenerator.Generate(new DemoCityOptions { Residents = residents, Seed = 1 }, city);
        }

        Console.WriteLine($"Intake: demo city of {residents:N0} residents (seed 1); {households:N0} households, one BIRTH and one MOVE_IN application each; one client, in process{(hubDll is null ? string.Empty : ", then over HTTP")}; load {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine("| provider | row | count | per s | p50 ms | p99 ms |");
        Console.WriteLine("| --- | --- | ---: | ---: | ---: | ---: |");
        PostgreSqlServer? server = null;
        try
        {
            foreach (var provider in providers)
            {
                var postgres = provider.Equals("postgresql", StringComparison.OrdinalIgnoreCase);
                var file = Path.Combine(work, $"intake-{Guid.NewGuid():N}.db");
                if (postgres)
                {
                    server ??= await PostgreSqlServer.StartAsync();
                }

                var options = new HubDatabaseOptions
                {
                    Provider = postgres ? nameof(DatabaseProvider.PostgreSql) : nameof(DatabaseProvider.Sqlite),
                    ConnectionString = postgres ? await server!.CreateDatabaseAsync("intake") : $"Data Source={file}",
                };
                try
                {
                    await RunProviderAsync(root, work, city, households, options, postgres ? "PostgreSQL" : "SQLite", hubDll);
                }
                finally
                {
                    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                    Scratch.Delete(work, [file]);
                }
            }
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }

        return 0;
    }

    private static async Task RunProviderAsync(string root, string work, string city, int households, HubDatabaseOptions options, string name, string? hubDll)
    {
        var catalog = FieldCatalog.LoadDefault();
        var factory = new HubDbContextFactory(options);
        await HubDatabaseInitializer.MigrateAsync(factory);
        var runner = new SyncRunner(factory, TimeProvider.System, NullLogger<SyncRunner>.Instance, catalog);
        foreach (var source in DemoSources.For(city).All)
        {
            var run = await runner.RunAsync(source);
            if (!run.Succeeded)
            {
                throw new InvalidOperationException($"{source.Name}: {run.Status} {run.Error}");
            }
        }

        var policy = Path.Combine(root, "schemas", "policy");
        var masks = new FieldMaskCache(catalog.Fields.Select(f => f.Path));
        masks.Publish("bench", Enforcer.FromFiles(Path.Combine(policy, "model.conf"), Path.Combine(policy, "policy.csv")));
        var forms = FormDefinitionReader.Load(Path.Combine(root, "schemas", "forms"), catalog, PolicyTasks.Read(Path.Combine(policy, "policy.csv")));
        var lifeEvents = LifeEventRules.Load(Path.Combine(root, "schemas", "life-events"), Path.Combine(root, "schemas", "forms"), catalog);
        var rules = IntakeRules.Load(lifeEvents, forms, Path.Combine(root, "schemas", "life-events", IntakeRules.RelativePath));
        var records = new DatabaseAccessRecordWriter(factory, TimeProvider.System);
        var guides = new LifeEventGuideService(factory, lifeEvents, TimeProvider.System);
        var intake = new IntakeSubmissionService(factory, rules, guides, forms, catalog, masks, records, new IntakeOptions(), TimeProvider.System);
        var queries = new IntakeQueries(factory, TimeProvider.System);
        var drop = Path.Combine(work, $"drop-{Guid.NewGuid():N}");
        var dispatcher = new IntakeOutboxDispatcher(factory, rules, [new DepartmentAdapterRegistration("file-drop", new FileDropDepartmentAdapter(new FileDropOptions { Directory = drop, Format = "json" }))],
            null, masks, catalog, records, new IntakeDeliveryOptions { BatchSize = 200 }, TimeProvider.System);
        var on = new DemoCityOptions().AsOf;

        // The households: the head and the youngest living member of each, in household order.
        List<(string Head, string Youngest)> chosen;
        await using (var db = factory.CreateDbContext())
        {
            var living = await db.Residents.AsNoTracking().Where(r => r.SupersededAt == null && r.ValidTo == null && r.HouseholdNumber != null)
                .Select(r => new { r.AtenaNumber, r.HouseholdNumber, r.Relationship, r.BirthDateLatest }).ToListAsync();
            chosen = [.. living.GroupBy(r => r.HouseholdNumber).Where(g => g.Any(m => m.Relationship == "世帯主")).OrderBy(g => g.Key, StringComparer.Ordinal).Take(households)
                .Select(g => (g.First(m => m.Relationship == "世帯主").AtenaNumber, g.OrderByDescending(m => m.BirthDateLatest).First().AtenaNumber))];
        }

        var clerk = new IntakeRequester(new HubRequestContext("resident-registry", "申請受付", null, "demo-resident-clerk", [], null, "bench"), _ => true);

        // Baseline: the same forms pre-filled desk by desk under each form's task (no case, no outbox), with their access records.
        var baseline = new List<double>();
        var sw = Stopwatch.StartNew();
        foreach (var (head, youngest) in chosen.Take(Math.Min(chosen.Count, 500)))
        {
            foreach (var (lifeEvent, atena) in new[] { (LifeEventKind.Birth, youngest), (LifeEventKind.MoveIn, head) })
            {
                var t = Stopwatch.GetTimestamp();
                var guide = (await guides.GuideAsync(lifeEvent, atena, on, _ => true))!;
                await using var loaders = new HubDataLoaders(factory);
                var person = (await loaders.Residents.Load(atena).GetResultAsync(CancellationToken.None))!;
                foreach (var p in guide.Procedures.Where(p => p.Status != LifeEventProcedureStatus.Done && p.FormId is not null))
                {
                    var leg = rules.Events[lifeEvent].Legs.GetValueOrDefault(p.Id);
                    if (leg is null)
                    {
                        continue;
                    }

                    var access = new AccessCollector();
                    var gate = FieldGate.ForStaff(masks.Get(leg.Role, leg.Task), catalog, false);
                    await FormPrefiller.FillAsync(forms.Find(p.FormId!)!, person, gate, loaders, access, CancellationToken.None);
                    await records.AppendAsync(clerk.Context with { Task = leg.Task }, access.ToEntry(), "bench", CancellationToken.None);
                }

                baseline.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }

        Row(name, "baseline: the same forms pre-filled desk by desk (per application)", Stats.Of(baseline, 0, sw.Elapsed.TotalSeconds));

        // The outbox runs beside the submissions, as the host's delivery service does.
        using var stop = new CancellationTokenSource();
        var delivering = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var (d, f) = await dispatcher.RunOnceAsync();
                if (d + f == 0)
                {
                    await Task.Delay(50);
                }
            }
        });

        var submissions = new List<double>();
        var cases = new List<Hub.Data.Entities.Intake.IntakeCase>();
        sw.Restart();
        foreach (var (head, youngest) in chosen)
        {
            foreach (var (lifeEvent, atena) in new[] { (LifeEventKind.Birth, youngest), (LifeEventKind.MoveIn, head) })
            {
                var t = Stopwatch.GetTimestamp();
                var answers = await AnswersAsync(guides, rules, forms, lifeEvent, atena, on);
                var submitted = await intake.SubmitAsync(new IntakeSubmission(lifeEvent, atena, on, answers, $"{lifeEvent}-{atena}"), clerk);
                submissions.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
                cases.Add(submitted.Case);
            }
        }

        var submitSeconds = sw.Elapsed.TotalSeconds;
        Row(name, "submitApplication (guide, pre-fill per leg, case, outbox)", Stats.Of(submissions, 0, submitSeconds));

        // Until every leg is delivered (bounded), then time from submission to the case's last leg delivered.
        for (var i = 0; i < 600; i++)
        {
            await using var db = factory.CreateDbContext();
            if (!await db.IntakeOutbox.AnyAsync(o => o.DeliveredAt == null && o.Kind == IntakeOutbox.LegKind))
            {
                break;
            }

            await Task.Delay(500);
        }

        await stop.CancelAsync();
        await delivering.ContinueWith(_ => { }, TaskScheduler.Default);
        await using (var db = factory.CreateDbContext())
        {
            var delivered = await db.IntakeOutbox.AsNoTracking().Where(o => o.Kind == IntakeOutbox.LegKind).Select(o => new { o.LegId, o.DeliveredAt }).ToListAsync();
            var legCase = await db.IntakeLegs.AsNoTracking().Select(l => new { l.Id, l.CaseId }).ToDictionaryAsync(l => l.Id, l => l.CaseId);
            var submittedAt = cases.ToDictionary(c => c.Id, c => c.SubmittedAt);
            var lag = delivered.Where(d => d.DeliveredAt is not null).GroupBy(d => legCase[d.LegId!.Value])
                .Select(g => (g.Max(d => d.DeliveredAt!.Value) - submittedAt[g.Key]).TotalMilliseconds).ToList();
            Row(name, "submission → every leg delivered to its department (file drop)", Stats.Of(lag, delivered.Count(d => d.DeliveredAt is null), submitSeconds));
            Console.WriteLine($"| {name} | legs visible in applicationLegs at submission's commit (same transaction) | {cases.Sum(c => c.Legs.Count):N0} | – | – | – |");
        }

        var typed = cases.Sum(c => c.ItemsTyped + c.Legs.Sum(l => l.ItemsMissing));
        var paper = cases.Sum(c => c.ItemsOnPaper);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"| {name} | items typed per case (answers + items left missing) vs paper | {cases.Count:N0} cases | {(double)typed / cases.Count:F1} typed | {(double)paper / cases.Count:F1} on paper | {(1 - ((double)typed / paper)) * 100:F1} % fewer |"));

        // The resident's read: their applications with legs and history, beside a read of their own record (same run).
        var reads = new List<double>();
        var own = new List<double>();
        var readers = cases.Select(c => c.AtenaNumber).Distinct(StringComparer.Ordinal).Take(2_000).ToList();
        sw.Restart();
        foreach (var atena in readers)
        {
            var t = Stopwatch.GetTimestamp();
            var mine = await queries.CasesOfAsync(atena);
            await queries.HistoryAsync([.. mine.SelectMany(c => c.Legs).Select(l => l.Id)]);
            reads.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        Row(name, "me { applications { legs { history } } } (resolver's reads)", Stats.Of(reads, 0, sw.Elapsed.TotalSeconds));
        sw.Restart();
        foreach (var atena in readers)
        {
            var t = Stopwatch.GetTimestamp();
            await using var loaders = new HubDataLoaders(factory);
            await loaders.Residents.Load(atena).GetResultAsync(CancellationToken.None);
            own.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
        }

        Row(name, "baseline: me { resident } (the resident's own record)", Stats.Of(own, 0, sw.Elapsed.TotalSeconds));
        Scratch.Delete(work, [drop]);
        if (hubDll is not null)
        {
            // The same through the real hub: at most 1,000 households' applications a day later, and the same readers.
            var overHttp = new List<(LifeEventKind, string, IReadOnlyList<IntakeAnswer>)>();
            foreach (var (head, youngest) in chosen.Take(1_000))
            {
                foreach (var (lifeEvent, atena) in new[] { (LifeEventKind.Birth, youngest), (LifeEventKind.MoveIn, head) })
                {
                    overHttp.Add((lifeEvent, atena, await AnswersAsync(guides, rules, forms, lifeEvent, atena, on.AddDays(1))));
                }
            }

            await IntakeHttpPhase.RunAsync(hubDll, root, work, options, factory, name, overHttp, on, readers);
        }
    }

    // What the applicant types: every item of the case's forms that only the applicant knows (path null), once per item id.
    private static async Task<List<IntakeAnswer>> AnswersAsync(LifeEventGuideService guides, IntakeRules rules, FormCatalog forms, LifeEventKind lifeEvent, string atena, DateOnly on)
    {
        var guide = (await guides.GuideAsync(lifeEvent, atena, on, _ => true))!;
        return [.. guide.Procedures.Where(p => p.Status != LifeEventProcedureStatus.Done && rules.Events[lifeEvent].Legs.ContainsKey(p.Id) && p.FormId is not null)
            .SelectMany(p => forms.Find(p.FormId!)!.Items.Where(i => i.IsApplicantAnswer)).Select(i => i.Id).Distinct(StringComparer.Ordinal)
            .Select(id => new IntakeAnswer(id, "回答"))];
    }

    private static void Row(string provider, string row, Stats s) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {provider} | {row} | {s.Count:N0}{(s.Errors > 0 ? $" ({s.Errors} not delivered)" : string.Empty)} | {s.PerSecond:F1} | {s.P50:F1} | {s.P99:F1} |"));
}
