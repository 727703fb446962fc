using System.CommandLine;
using System.Globalization;
using Hub.Capabilities.Audit;
using Hub.Capabilities.Audit.Checkpoints;
using Hub.Capabilities.Audit.Proofs;
using Hub.Api.Hosting;
using Hub.Capabilities;
using Hub.Data;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.CommandLine;

/// <summary>
/// <c>hub audit checkpoint [--publish] [--verifier-key]</c>: the latest signed checkpoint (at the witness folder, else
/// the database's copy); <c>--publish</c> signs and anchors one now; <c>--verifier-key</c> prints the key to publish.
/// <c>hub audit prove --sequence N [--checkpoint FILE] [--for ATENA] [--out FILE]</c>: an inclusion proof as a
/// self-contained JSON document. <c>hub audit verify-proof FILE [--key VKEY] [--save-checkpoint FILE]</c>: checks such a
/// document offline, with no database, and keeps its checkpoint for a later <c>hub audit verify --checkpoint</c>.
/// </summary>
internal static class AuditProofCommands
{
    public static Command CreateCheckpoint()
    {
        var publish = new Option<bool>("--publish") { Description = "Sign a checkpoint of the tree now and offer it to the witness (the server does this every Interval)." };
        var verifierKey = new Option<bool>("--verifier-key") { Description = "Print the verifier key of the signing key (what the city publishes for offline checks)." };
        var command = new Command("checkpoint", "Print the latest signed checkpoint of the access log.");
        command.Options.Add(publish);
        command.Options.Add(verifierKey);
        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandHost.RunAsync(parse, async services =>
        {
            var (options, _) = AuditCheckpoints.Options(services);
            var signer = AuditCheckpoints.Signer(services);
            if (parse.GetValue(verifierKey))
            {
                await Console.Out.WriteLineAsync(signer.Verifier.ToString());
                return 0;
            }

            var contexts = services.GetRequiredService<IDbContextFactory<HubDbContext>>();
            var time = TimeProvider.System;
            var witness = CheckpointSetup.Witness(options, signer.Verifier, time);
            if (parse.GetValue(publish))
            {
                var publisher = new CheckpointPublisher(contexts, new AccessRecordTreeBackfill(contexts), signer, witness, new AuditAnchor(time, options.MaxLag), time);
                var publication = await publisher.PublishAsync(ct);
                if (publication.Outcome is { Anchored: false } failed)
                {
                    await Console.Error.WriteLineAsync($"hub audit checkpoint: not anchored ({failed.Verdict}): {failed.Message}");
                    return 1;
                }

                await Console.Error.WriteLineAsync(publication.Outcome?.Message ?? "the tree is empty or already anchored at its size");
            }

            var latest = await witness.LatestAsync(ct) ?? (await new AccessRecordProofs(contexts).LatestCheckpointAsync(ct))?.Text;
            if (latest is null)
            {
                await Console.Error.WriteLineAsync("hub audit checkpoint: no checkpoint yet (the server signs one within Hub:Audit:Checkpoints:Interval once records exist, or use --publish)");
                return 1;
            }

            await Console.Out.WriteAsync(latest);
            return 0;
        }, ct));
        return command;
    }

    public static Command CreateProve()
    {
        var sequence = new Option<long>("--sequence") { Description = "The access record's sequence number.", Required = true };
        var checkpoint = new Option<string>("--checkpoint") { Description = "Prove against this checkpoint file (default: the latest checkpoint kept)." };
        var forResident = new Option<string>("--for") { Description = "The 宛名番号 of the resident the proof is for: other residents the record names are withheld." };
        var output = new Option<string>("--out") { Description = "Write the proof to this file instead of standard output." };
        var command = new Command("prove", "Print an inclusion proof of one access record as a self-contained JSON document (check it with hub audit verify-proof).");
        foreach (var option in new Option[] { sequence, checkpoint, forResident, output })
        {
            command.Options.Add(option);
        }

        command.TreatUnmatchedTokensAsErrors = false;
        command.SetAction((parse, ct) => CommandHost.RunAsync(parse, async services =>
        {
            var contexts = services.GetRequiredService<IDbContextFactory<HubDbContext>>();
            var signer = AuditCheckpoints.Signer(services);
            CheckpointNote? against = null;
            if (parse.GetValue(checkpoint) is { } path)
            {
                against = Verified(AuditCheckpoints.Read(path).Single().Text, signer.Verifier, "--checkpoint");
            }

            var n = parse.GetValue(sequence);
            await using var db = await contexts.CreateDbContextAsync(ct);
            var record = await db.AccessRecords.AsNoTracking().SingleOrDefaultAsync(r => r.Sequence == n, ct);
            if (record is null)
            {
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"hub audit prove: there is no access record {n}"));
                return 1;
            }

            var proofs = new AccessRecordProofs(contexts);
            if (against is null && await proofs.LatestCheckpointAsync(ct) is { } latest)
            {
                against = Verified(latest.Text, signer.Verifier, "the latest checkpoint kept in the database");
            }

            var proof = await proofs.ProveAsync(record, against, ct);
            if (proof is null)
            {
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"hub audit prove: no checkpoint covers record {n} yet (the latest covers {against?.TreeSize ?? 0})"));
                return 1;
            }

            var self = parse.GetValue(forResident);
            if (self is not null && Hub.Capabilities.Requests.IdentifierCheck.CityNumber(self, verifyCheckDigit: false) is var rule && rule != Hub.Capabilities.Requests.IdentifierRule.None)
            {
                // Named by option and rule, never quoting the value (as the GraphQL arguments are refused).
                await Console.Error.WriteLineAsync($"hub audit prove: --for {Hub.Capabilities.Requests.IdentifierCheck.Describe(rule, "宛名番号", "2 to 15")} (rule {Hub.Capabilities.Requests.IdentifierCheck.Name(rule)})");
                return 2;
            }

            var withSubjects = self is null || AccessRecordFormat.SplitSubjects(record.SubjectAtenaNumbers).All(s => s == self);
            var json = AccessRecordProofDocument.Create(record, proof, signer.Verifier, withSubjects).ToJson();
            if (parse.GetValue(output) is { } file)
            {
                await File.WriteAllTextAsync(file, json + "\n", ct);
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"proof of record {n} against the checkpoint of {proof.TreeSize} records written to {file}"));
            }
            else
            {
                await Console.Out.WriteLineAsync(json);
            }

            return 0;
        }, ct));
        return command;
    }

    public static Command CreateVerifyProof()
    {
        var file = new Argument<string>("file") { Description = "The proof document (from hub audit prove or the GraphQL field proof.document)." };
        var key = new Option<string>("--key") { Description = "The verifier key the city publishes (a line or a file holding it); without it the document's own key is used." };
        var save = new Option<string>("--save-checkpoint") { Description = "Also write the proof's signed checkpoint to this file (for hub audit verify --checkpoint later)." };
        var command = new Command("verify-proof", "Check an access record's inclusion proof offline (no database): exit 0 when it holds.");
        command.Arguments.Add(file);
        command.Options.Add(key);
        command.Options.Add(save);
        command.SetAction(async (parse, ct) =>
        {
            AccessRecordProofDocument document;
            CheckpointVerifierKey? pinned;
            try
            {
                document = AccessRecordProofDocument.Parse(await File.ReadAllTextAsync(parse.GetValue(file)!, ct));
                pinned = string.IsNullOrWhiteSpace(parse.GetValue(key)) ? null : AuditCheckpoints.Key(parse.GetValue(key), null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or HubConfigurationException)
            {
                await Console.Error.WriteLineAsync($"hub audit verify-proof: {e.Message}");
                return 2;
            }

            var checks = AccessRecordProofVerifier.Verify(document, pinned);
            foreach (var check in checks)
            {
                await Console.Out.WriteLineAsync($"{(check.Passed switch { true => "ok  ", false => "FAIL", null => "note" })}  {check.Text}");
            }

            var holds = checks.Count > 0 && checks.All(c => c.Passed != false);
            if (holds && parse.GetValue(save) is { } checkpointFile)
            {
                await File.WriteAllTextAsync(checkpointFile, document.Checkpoint, ct);
            }

            await Console.Out.WriteLineAsync(holds
                ? string.Create(CultureInfo.InvariantCulture, $"proof VERIFIED: record {document.Record.Sequence} is in the access log the checkpoint of {document.TreeSize} records signs")
                : "proof FAILED");
            return holds ? 0 : 1;
        });
        return command;
    }

    private static CheckpointNote Verified(string text, CheckpointVerifierKey key, string what)
    {
        CheckpointNote note;
        try
        {
            note = CheckpointNote.Parse(text);
        }
        catch (CheckpointFormatException e)
        {
            throw new HubConfigurationException($"{what}: {e.Message}", e);
        }

        return key.Verify(note) ? note : throw new HubConfigurationException($"{what} is not signed by this log's key {key.Name}");
    }
}
