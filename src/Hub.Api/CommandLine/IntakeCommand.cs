using System.CommandLine;
using Hub.Api.Intake;
using Hub.Capabilities;
using Hub.Capabilities.Intake;
using Hub.Capabilities.Intake.Delivery;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.Requests;
using Hub.Data;
using Hub.Data.Providers;
using Hub.Policy.Administration;

namespace Hub.Api.CommandLine;

/// <summary>
/// <c>hub intake submit --event E --atena N --on yyyy-MM-dd --user U [--key K] [--answer item=value]…</c> submits an
/// application as counter staff (exit 0; 3 when the key is in flight, 4 when it was used with another payload, 2 on bad
/// input); <c>hub intake deliver</c> runs the outbox until nothing due is left (exit 0; 1 when deliveries failed and stay owed).
/// </summary>
internal static class IntakeCommand
{
    public static Command Create()
    {
        var command = new Command("intake", "One-stop intake (申請受付): submit an application, deliver what the outbox owes.");
        command.Subcommands.Add(CreateSubmit());
        command.Subcommands.Add(CreateDeliver());
        return command;
    }

    private static Command CreateSubmit()
    {
        var lifeEvent = new Option<string>("--event") { Description = "BIRTH, MOVE_IN, DEATH, …", Required = true };
        var atena = new Option<string>("--atena") { Description = "宛名番号 of the person the event is about.", Required = true };
        var on = new Option<DateOnly>("--on") { Description = "The event date (yyyy-MM-dd).", Required = true };
        var user = new Option<string>("--user") { Description = "The counter clerk (policy subject, access records).", DefaultValueFactory = _ => "demo-resident-clerk" };
        var key = new Option<string?>("--key") { Description = "Idempotency key." };
        var answers = new Option<string[]>("--answer") { Description = "item=value (repeatable).", AllowMultipleArgumentsPerToken = false };
        var command = new Command("submit", "Submit an application at the counter (task resident-registry).");
        command.TreatUnmatchedTokensAsErrors = false;
        foreach (var option in new Option[] { lifeEvent, atena, on, user, key, answers })
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => RunAsync(parse, async services =>
        {
            if (!LifeEventRuleReader.EventNames.TryGetValue(parse.GetValue(lifeEvent)!, out var kind))
            {
                await Console.Error.WriteLineAsync("hub intake submit: --event names no life event");
                return 2;
            }

            var typed = (parse.GetValue(answers) ?? []).Select(a => a.Split('=', 2)).Select(p => new IntakeAnswer(p[0], p.Length > 1 ? p[1] : string.Empty)).ToList();
            var context = new HubRequestContext("resident-registry", "申請受付", null, parse.GetValue(user)!, [], null, "hub-cli");
            try
            {
                var submitted = await services.GetRequiredService<IntakeSubmissionService>().SubmitAsync(
                    new IntakeSubmission(kind, parse.GetValue(atena)!, parse.GetValue(on), typed, parse.GetValue(key)), new IntakeRequester(context, _ => true), ct);
                Console.WriteLine($"case {submitted.Case.Id:N} legs {submitted.Case.Legs.Count} replayed {submitted.Replayed.ToString().ToLowerInvariant()}");
                return 0;
            }
            catch (IntakeException e)
            {
                await Console.Error.WriteLineAsync($"hub intake submit: {e.Field}: {e.Message}");
                return e.Code switch { IntakeErrorCode.Conflict => 3, IntakeErrorCode.Unprocessable => 4, _ => 2 };
            }
        }, ct));
        return command;
    }

    private static Command CreateDeliver()
    {
        var command = new Command("deliver", "Deliver what the outbox owes (legs to their departments' adapters, notices to the webhook) until nothing due is left.");
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => RunAsync(parse, async services =>
        {
            var dispatcher = services.GetRequiredService<IntakeOutboxDispatcher>();
            var (delivered, failed) = (0, 0);
            while (true)
            {
                var round = await dispatcher.RunOnceAsync(ct);
                delivered += round.Delivered;
                failed += round.Failed;
                if (round.Delivered + round.Failed == 0 || round.Failed > 0)
                {
                    break;
                }
            }

            Console.WriteLine($"delivered {delivered} failed {failed}");
            return failed == 0 ? 0 : 1;
        }, ct));
        return command;
    }

    // As CommandHost.RunAsync, with the policy (polled once), access records, forms, guidance and intake added.
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

            using var host = CommandHost.Build([.. parse.UnmatchedTokens], b => b.Services.AddHubPolicy(b.Configuration).AddHubAccessRecords().AddHubForms().AddHubPushTargets().AddHubIntakeSettings(b.Configuration));
            await HubDatabaseInitializer.MigrateAsync(host.Services.GetRequiredService<HubDbContextFactory>(), ct);
            var watcher = host.Services.GetRequiredService<PolicyVersionWatcher>();
            await watcher.PollOnceAsync(ct);
            if (watcher.CurrentVersion is null)
            {
                await Console.Error.WriteLineAsync("hub intake: no policy is published in this database (start the hub once to seed the default policy)");
                return 2;
            }

            return await body(host.Services);
        }
        catch (Exception e) when (e is HubDatabaseConfigurationException or HubConfigurationException)
        {
            await Console.Error.WriteLineAsync($"hub: {e.Message}");
            return 2;
        }
    }
}
