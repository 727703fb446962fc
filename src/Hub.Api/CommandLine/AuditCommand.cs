using System.CommandLine;
using System.Globalization;
using Hub.Capabilities.Audit;
using Hub.Capabilities.Audit.Checkpoints;
using Hub.Api.Hosting;
using Hub.Capabilities;
using Hub.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.CommandLine;

/// <summary>
/// <c>hub audit verify [--checkpoint FILE|DIR]… [--key VKEY]</c>: checks the access record hash chain, naming each
/// changed, removed or reordered record, the Merkle tree against the records, and that the log still extends each given
/// checkpoint (exit 1 otherwise).
/// <c>hub audit report [--from D] [--to D] [--hours 8-19] [--weekdays-only] [--threshold N]</c>: flags after-hours
/// access (JST) and mass lookups per user and day.
/// <c>hub audit checkpoint</c>, <c>prove</c>, <c>verify-proof</c>: see <see cref="AuditProofCommands"/>.
/// </summary>
internal static class AuditCommand
{
    public static Command Create()
    {
        var command = new Command("audit", "Verify and analyse access records (アクセス記録).");
        command.Subcommands.Add(CreateVerify());
        command.Subcommands.Add(CreateReport());
        command.Subcommands.Add(AuditProofCommands.CreateCheckpoint());
        command.Subcommands.Add(AuditProofCommands.CreateProve());
        command.Subcommands.Add(AuditProofCommands.CreateVerifyProof());
        return command;
    }

    /// <summary>Verifies the chain and the tree in the database behind <paramref name="contexts"/>; 0 when intact, 1 otherwise.</summary>
    public static Task<int> VerifyAsync(IDbContextFactory<HubDbContext> contexts, TextWriter output, CancellationToken cancellationToken) =>
        VerifyAsync(contexts, [], null, output, cancellationToken);

    /// <summary>
    /// Verifies the chain, the tree, and that the log extends each of <paramref name="checkpoints"/> (file and text), whose
    /// signatures must verify with <paramref name="key"/>; 0 when all holds, 1 otherwise.
    /// </summary>
    public static async Task<int> VerifyAsync(
        IDbContextFactory<HubDbContext> contexts,
        IReadOnlyList<(string File, string Text)> checkpoints,
        CheckpointVerifierKey? key,
        TextWriter output,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        var findings = new List<string>();
        var notes = new List<CheckpointNote>();
        foreach (var (file, text) in checkpoints)
        {
            try
            {
                var note = CheckpointNote.Parse(text);
                if (key is null || !key.Verify(note))
                {
                    findings.Add($"checkpoint {Path.GetFileName(file)}: not signed by the key {key?.Name} (key ID {key?.KeyId:x8}): it proves nothing about this log");
                    continue;
                }

                notes.Add(note);
                await output.WriteLineAsync($"checkpoint {Path.GetFileName(file)}: {note}: signature valid").ConfigureAwait(false);
            }
            catch (CheckpointFormatException e)
            {
                findings.Add($"checkpoint {Path.GetFileName(file)}: {e.Message}");
            }
        }

        var audit = await new AccessLogAuditor(contexts).AuditAsync(notes, cancellationToken).ConfigureAwait(false);
        findings.AddRange(audit.Findings);
        foreach (var finding in findings)
        {
            await output.WriteLineAsync(finding).ConfigureAwait(false);
        }

        foreach (var confirmation in audit.Confirmations)
        {
            await output.WriteLineAsync(confirmation).ConfigureAwait(false);
        }

        await output.WriteLineAsync(findings.Count == 0
            ? string.Create(CultureInfo.InvariantCulture, $"access records intact: {audit.RecordCount} record(s), chain head {audit.HeadSequence}")
            : string.Create(CultureInfo.InvariantCulture, $"access records TAMPERED: {findings.Count} finding(s) in {audit.RecordCount} record(s)")).ConfigureAwait(false);
        return findings.Count == 0 ? 0 : 1;
    }

    /// <summary>Reports after-hours access and mass lookups between <paramref name="from"/> and <paramref name="to"/> (UTC).</summary>
    public static async Task<int> ReportAsync(IDbContextFactory<HubDbContext> contexts, AccessReportOptions options, DateTime? from, DateTime? to, TextWriter output, CancellationToken cancellationToken)
    {
        var (records, _) = await new AccessRecordQueries(contexts).ChainAsync(from, to, cancellationToken).ConfigureAwait(false);
        var findings = AccessReport.Analyze(records, options);
        foreach (var finding in findings)
        {
            await output.WriteLineAsync(finding).ConfigureAwait(false);
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{findings.Count} finding(s) in {records.Count} record(s)")).ConfigureAwait(false);
        return 0;
    }

    private static Command CreateVerify()
    {
        var checkpoint = new Option<string[]>("--checkpoint")
        {
            Description = "A checkpoint file, or a witness folder (every checkpoint in it): prove the log still extends each (repeatable).",
            AllowMultipleArgumentsPerToken = false,
        };
        var key = new Option<string>("--key") { Description = "The verifier key the checkpoints must be signed by (a line or a file; default: the configured signing key's)." };
        var command = new Command("verify", "Check the access record hash chain and Merkle tree, and that the log extends the given checkpoints; name every problem (exit 1).");
        command.Options.Add(checkpoint);
        command.Options.Add(key);
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandHost.RunAsync(parse, services =>
        {
            var paths = parse.GetValue(checkpoint) ?? [];
            var files = paths.SelectMany(AuditCheckpoints.Read).ToList();
            var verifier = files.Count == 0 ? null : AuditCheckpoints.Key(parse.GetValue(key), services);
            return VerifyAsync(services.GetRequiredService<IDbContextFactory<HubDbContext>>(), files, verifier, Console.Out, ct);
        }, ct));
        return command;
    }

    private static Command CreateReport()
    {
        var from = new Option<DateTime?>("--from") { Description = "From this UTC time (inclusive)." };
        var to = new Option<DateTime?>("--to") { Description = "To this UTC time (exclusive)." };
        var hours = new Option<string>("--hours") { Description = "Office hours in JST as start-end (default 8-19).", DefaultValueFactory = _ => "8-19" };
        var weekdaysOnly = new Option<bool>("--weekends-in-hours") { Description = "Do not flag Saturdays and Sundays as after hours." };
        var threshold = new Option<int>("--threshold") { Description = "Distinct residents per user and JST day before a mass lookup is flagged (default 100).", DefaultValueFactory = _ => 100 };
        var command = new Command("report", "Flag after-hours access (JST) and mass lookups per user.");
        command.TreatUnmatchedTokensAsErrors = false;
        foreach (var option in new Option[] { from, to, hours, weekdaysOnly, threshold })
        {
            command.Options.Add(option);
        }

        command.SetAction(async (parse, ct) =>
        {
            var span = parse.GetValue(hours)!.Split('-');
            var options = new AccessReportOptions
            {
                OfficeHoursStart = span.Length == 2 && int.TryParse(span[0], CultureInfo.InvariantCulture, out var s) ? s : -1,
                OfficeHoursEnd = span.Length == 2 && int.TryParse(span[1], CultureInfo.InvariantCulture, out var e) ? e : -1,
                WeekendsAfterHours = !parse.GetValue(weekdaysOnly),
                MassLookupThreshold = parse.GetValue(threshold),
            };
            var problems = options.Validate();
            if (problems.Count > 0)
            {
                await Console.Error.WriteLineAsync("hub audit report: " + string.Join("; ", problems));
                return 2;
            }

            return await CommandHost.RunAsync(
                parse,
                services => ReportAsync(services.GetRequiredService<IDbContextFactory<HubDbContext>>(), options, Utc(parse.GetValue(from)), Utc(parse.GetValue(to)), Console.Out, ct),
                ct);
        });
        return command;
    }

    private static DateTime? Utc(DateTime? value) => value is { } v ? (v.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : v.ToUniversalTime()) : null;
}
