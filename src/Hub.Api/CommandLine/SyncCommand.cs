using System.CommandLine;
using System.Globalization;
using Hub.Data.Providers;
using Hub.Sync;
using Hub.Sync.Running;
using Hub.Sync.Sources;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.CommandLine;

/// <summary><c>hub sync run|status|quarantine</c>: run sources now, show runs and watermarks, list quarantine.</summary>
internal static class SyncCommand
{
    public static Command Create()
    {
        var sync = new Command("sync", "Read the configured core systems into the common database, and inspect runs.");
        sync.Subcommands.Add(Run());
        sync.Subcommands.Add(Status());
        sync.Subcommands.Add(Quarantine());
        return sync;
    }

    private static Command Run()
    {
        var source = new Option<string?>("--source") { Description = "Run only this source (default: every configured source)." };
        var fromStart = new Option<bool>("--from-start") { Description = "Read the source(s) from the beginning, whatever was read before (rows loaded before count as unchanged; rows quarantined before are read again)." };
        var command = new Command("run", "Run the configured sources once and print a summary.") { source, fromStart };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => Guarded(() => CommandHost.RunAsync(parse, async services =>
        {
            var sources = services.GetRequiredService<ConfiguredSources>();
            var runner = services.GetRequiredService<SyncRunner>();
            if (parse.GetValue(source) is { } unknown && sources.All.All(s => s.Name != unknown))
            {
                Console.Error.WriteLine($"hub: no source named '{unknown}'. Configured: {string.Join(", ", sources.All.Select(s => s.Name))}.");
                return 2;
            }

            var selected = parse.GetValue(source) is { } name ? [sources.Get(name)] : sources.All;
            var terminal = !Console.IsErrorRedirected;
            var summaries = new List<SyncRunSummary>();
            foreach (var s in selected)
            {
                var progress = new SyncProgressDisplay(s.Name, Console.Error, terminal, TimeProvider.System);
                var r = parse.GetValue(fromStart) ? await runner.RunFromStartAsync(s, progress, ct) : await runner.RunAsync(s, progress, ct);
                progress.Complete();
                summaries.Add(r);
            }

            Console.Write(SyncSummaryTable.Format(summaries));
            var exit = 0;
            foreach (var r in summaries.Where(r => !r.Succeeded))
            {
                Console.Error.WriteLine($"hub: {r.Source}: {r.Error ?? "the run does not balance"}");
                exit = 1;
            }

            return exit;
        }, ct)));
        return command;
    }

    private static Command Status()
    {
        var command = new Command("status", "Show the last runs, their counts and the watermark of each source.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => Guarded(() => CommandHost.RunAsync(parse, async services =>
        {
            await using var db = services.GetRequiredService<HubDbContextFactory>().CreateDbContext();
            var sources = services.GetRequiredService<ConfiguredSources>().All.Select(s => s.Name).ToList();
            var marks = await db.SourceWatermarks.ToDictionaryAsync(w => w.Source, ct);
            var latest = await db.SyncRuns.GroupBy(r => r.Source).Select(g => g.Max(r => r.Id)).ToListAsync(ct);
            var last = await db.SyncRuns.Where(r => latest.Contains(r.Id)).ToDictionaryAsync(r => r.Source, ct);
            Console.WriteLine("source               last run  status       read  inserted   updated unchanged quarantined balanced  finished (UTC)       watermark");
            foreach (var name in sources.Union(last.Keys).Union(marks.Keys).Order(StringComparer.Ordinal))
            {
                var r = last.GetValueOrDefault(name);
                var mark = marks.GetValueOrDefault(name)?.Value ?? "-";
                Console.WriteLine(r is null
                    ? $"{name,-20} {"never",-9} {"-",-10} {string.Empty,62} {mark}"
                    : string.Create(CultureInfo.InvariantCulture,
                        $"{name,-20} {r.Id,-9} {r.Status,-10} {r.Read,6:N0} {r.Inserted,9:N0} {r.Updated,9:N0} {r.Unchanged,9:N0} {r.Quarantined,11:N0} {(r.IsBalanced ? "yes" : "NO"),-8} {r.FinishedAt?.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "running",-20} {mark}"));
                if (r?.Error is { } error)
                {
                    Console.WriteLine($"{string.Empty,21}{error}");
                }
            }

            var runs = await db.SyncRuns.OrderByDescending(r => r.Id).Take(20).ToListAsync(ct);
            Console.WriteLine();
            Console.WriteLine("run  source               kind   status       read  inserted   updated unchanged quarantined balanced  started (UTC)");
            foreach (var r in runs)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Id,-4} {r.Source,-20} {r.Kind,-6} {r.Status,-10} {r.Read,6:N0} {r.Inserted,9:N0} {r.Updated,9:N0} {r.Unchanged,9:N0} {r.Quarantined,11:N0} {(r.IsBalanced ? "yes" : "NO"),-8} {r.StartedAt:yyyy-MM-dd HH:mm:ss}"));
            }

            return 0;
        }, ct)));
        return command;
    }

    private static Command Quarantine()
    {
        var all = new Option<bool>("--all") { Description = "Include entries already resolved by a later run." };
        var command = new Command("quarantine", "List records kept in quarantine: where they were read and why.") { all };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => Guarded(() => CommandHost.RunAsync(parse, async services =>
        {
            await using var db = services.GetRequiredService<HubDbContextFactory>().CreateDbContext();
            var includeResolved = parse.GetValue(all);
            var entries = await db.QuarantinedRecords.Where(q => includeResolved || q.ResolvedAt == null).OrderBy(q => q.Id).ToListAsync(ct);
            foreach (var q in entries)
            {
                Console.WriteLine($"{q.Id}\t{q.Source}\t{q.Location}\trun {q.SyncRunId}\t{(q.ResolvedAt is null ? "open" : "resolved")}\t{q.Reason}");
            }

            Console.Error.WriteLine($"{entries.Count} entr{(entries.Count == 1 ? "y" : "ies")}");
            return 0;
        }, ct)));
        return command;
    }

    // Settings mistakes read as one message and exit 2, as the database's do.
    private static async Task<int> Guarded(Func<Task<int>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (e is HubSyncConfigurationException or Hub.Adapters.Sdk.AdapterOptionsException)
        {
            await Console.Error.WriteLineAsync($"hub: {e.Message}");
            return 2;
        }
    }
}
