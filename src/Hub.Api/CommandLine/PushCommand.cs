using System.CommandLine;
using Hub.Api.Exports;
using Hub.Capabilities.PushTargets.Exports;
using Hub.Api.Extensions;
using Hub.Api.Hosting;
using Hub.Capabilities;
using Hub.Capabilities.PushTargets;
using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;
using Hub.Data;
using Hub.Data.Providers;
using Hub.Policy.Administration;
using Hub.Policy.Masks;

namespace Hub.Api.CommandLine;

/// <summary>
/// <c>hub push export --definition ID --out FILE --user U --purpose P [--case C] [--format csv|ndjson] [--as-of yyyy-MM-dd]</c>:
/// streams a saved push-target list to a file under the definition's task, with only the fields that task may
/// <c>extract</c> for the user, and one access record naming every resident. <c>hub push list</c> names the definitions.
/// </summary>
internal static class PushCommand
{
    public static Command Create()
    {
        var command = new Command("push", "Push-type target lists (プッシュ型通知の対象抽出).");
        command.Subcommands.Add(CreateExport());
        command.Subcommands.Add(CreateList());
        return command;
    }

    private static Command CreateList()
    {
        var command = new Command("list", "List the saved push-target definitions.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => RunAsync(parse, services =>
        {
            foreach (var d in services.GetRequiredService<PushTargetCatalog>().Definitions.Values)
            {
                Console.WriteLine($"{d.Id}\t{d.Task}\t{d.Title}");
            }

            return Task.FromResult(0);
        }, ct));
        return command;
    }

    private static Command CreateExport()
    {
        var definition = new Option<string>("--definition") { Description = "Saved definition id (schemas/push-targets).", Required = true };
        var output = new Option<string>("--out") { Description = "File to write.", Required = true };
        var user = new Option<string>("--user") { Description = "Staff user the extraction is made as (policy subject, access record).", Required = true };
        var purpose = new Option<string>("--purpose") { Description = "利用目的 for the access record.", Required = true };
        var caseId = new Option<string?>("--case") { Description = "案件 id for the access record." };
        var format = new Option<string>("--format") { Description = "csv (default) or ndjson.", DefaultValueFactory = _ => "csv" };
        var asOf = new Option<DateOnly?>("--as-of") { Description = "Reference date (default today, JST)." };
        var command = new Command("export", "Stream a saved push-target list to a file (one access record naming every resident).");
        command.TreatUnmatchedTokensAsErrors = false;
        foreach (var option in new Option[] { definition, output, user, purpose, caseId, format, asOf })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => RunAsync(parse, async services =>
        {
            var id = parse.GetValue(definition)!;
            if (services.GetRequiredService<PushTargetCatalog>().Find(id) is not { } found)
            {
                await Console.Error.WriteLineAsync($"hub push export: no definition '{id}' (hub push list names them)");
                return 2;
            }

            if (PushTargetExporter.ParseFormat(parse.GetValue(format), null) is not { } chosen)
            {
                await Console.Error.WriteLineAsync("hub push export: --format must be csv or ndjson");
                return 2;
            }

            var watcher = services.GetRequiredService<PolicyVersionWatcher>();
            await watcher.PollOnceAsync(ct);
            if (watcher.CurrentVersion is null)
            {
                await Console.Error.WriteLineAsync("hub push export: no policy is published in this database (start the hub once to seed the default policy)");
                return 2;
            }

            var context = new HubRequestContext(found.Task, parse.GetValue(purpose)!, parse.GetValue(caseId), parse.GetValue(user)!, [], null, "hub-cli");
            var mask = services.GetRequiredService<FieldMaskCache>().Get(context.UserId, context.Task);
            var path = parse.GetValue(output)!;
            try
            {
                await using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                var result = await services.GetRequiredService<PushTargetExporter>().ExportAsync(found, mask, context, file, chosen, parse.GetValue(asOf), ct);
                await Console.Error.WriteLineAsync($"{result.Rows:N0} resident(s) → {path} ({string.Join(", ", result.Paths)}); access record #{result.AccessRecordId}");
                return 0;
            }
            catch (PushTargetExportForbiddenException e)
            {
                File.Delete(path);
                await Console.Error.WriteLineAsync($"hub push export: {e.Message}");
                return 1;
            }
        }, ct));
        return command;
    }

    // As CommandHost.RunAsync, with the policy, audit and push-target services added.
    private static async Task<int> RunAsync(ParseResult parse, Func<IServiceProvider, Task<int>> body, CancellationToken ct)
    {
        try
        {
            var unknown = parse.UnmatchedTokens.Where(t => !t.StartsWith("--", StringComparison.Ordinal) || !t.Contains(':', StringComparison.Ordinal)).ToList();
            if (unknown.Count > 0)
            {
                await Console.Error.WriteLineAsync($"hub: unrecognised argument(s): {string.Join(' ', unknown)}");
                return 2;
            }

            using var host = CommandHost.Build([.. parse.UnmatchedTokens], b => b.Services.AddHubPolicy(b.Configuration).AddHubAccessRecords().AddHubPushTargets());
            await HubDatabaseInitializer.MigrateAsync(host.Services.GetRequiredService<HubDbContextFactory>(), ct);
            return await body(host.Services);
        }
        catch (Exception e) when (e is HubDatabaseConfigurationException or HubConfigurationException)
        {
            await Console.Error.WriteLineAsync($"hub: {e.Message}");
            return 2;
        }
    }
}
