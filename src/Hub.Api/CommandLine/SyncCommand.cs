using System.CommandLine;
using System.Globalization;
using Hub.Data.Providers;
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
        var command = new Command("run", "Run the configured sources once and print a summary.") { source };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandHost.RunAsync(parse, async services =>
        {
            var sources = services.GetRequiredService<ConfiguredSources>();
            var runner = services.GetRequiredService<SyncRunner>();
            var selected = parse.GetValue(source) is { } name ? [sources.Get(name)] : sources.All;
            var exit = 0;
            Console.WriteLine("source               status      read  inserted   updated unchanged quarantined  seconds");
            foreach (var s in selected)
            {
                var progress = new Progress<long>(n => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{s.Name}: {n:N0} records read")));
                var r = await runner.RunAsync(s, progress, ct);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Source,-20} {r.Status,-9} {r.Read,6} {r.Inserted,9} {r.Updated,9} {r.Unchanged,9} {r.Quarantined,11} {r.Elapsed.TotalSeconds,8:F1}"));
                if (!r.Succeeded)
                {
                    Console.Error.WriteLine($"hub: {r.Source}: {r.Error}");
                    exit = 1;
                }
            }

            return exit;
        }, ct));
        return command;
    }

    private static Command Status()
    {
        var command = new Command("status", "Show the last runs, their counts and the watermark of each source.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandHost.RunAsync(parse, async services =>
        {
            await using var db = services.GetRequiredService<HubDbContextFactory>().CreateDbContext();
            var runs = await db.SyncRuns.OrderByDescending(r => r.Id).Take(20).ToListAsync(ct);
            Console.WriteLine("run  source               kind   status       read  inserted   updated unchanged quarantined balanced  started (UTC)");
            foreach (var r in runs)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Id,-4} {r.Source,-20} {r.Kind,-6} {r.Status,-10} {r.Read,6} {r.Inserted,9} {r.Updated,9} {r.Unchanged,9} {r.Quarantined,11} {(r.IsBalanced ? "yes" : "NO"),-8} {r.StartedAt:yyyy-MM-dd HH:mm:ss}"));
            }

            foreach (var w in await db.SourceWatermarks.OrderBy(w => w.Source).ToListAsync(ct))
            {
                Console.WriteLine($"watermark {w.Source}: {w.Value} (run {w.SyncRunId})");
            }

            return 0;
        }, ct));
        return command;
    }

    private static Command Quarantine()
    {
        var all = new Option<bool>("--all") { Description = "Include entries already resolved by a later run." };
        var command = new Command("quarantine", "List records kept in quarantine: where they were read and why.") { all };
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandHost.RunAsync(parse, async services =>
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
        }, ct));
        return command;
    }
}
