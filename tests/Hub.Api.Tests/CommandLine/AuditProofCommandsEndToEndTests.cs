using System.Text.Json.Nodes;
using Hub.Capabilities.Audit;
using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;
using Hub.Api.Tests.Hosting;
using Hub.Api.Tests.Support;
using Hub.Data.Entities;
using Hub.Data.Providers;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Tests.CommandLine;

/// <summary>
/// The commands docs/audit.md shows, run as written on the built executable (Production, a key file and a witness folder
/// of the test's own): publish a checkpoint, print it and the verifier key, verify the log against it, prove a record,
/// check the proof offline with no database; then the same after the log's tail was cut and the head rewritten.
/// </summary>
public sealed class AuditProofCommandsEndToEndTests : IDisposable
{
    private static readonly HubRequestContext Clerk = new("resident-registry", "窓口", "CASE-1", "demo-resident-clerk", ["staff"], null, "kiosk-1");
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-audit-proof-cli-").FullName;

    private string Witness => Path.Combine(_dir, "witness");

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task DocumentedCommands_CheckpointProveVerifyProof_ThenTamperDetected(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var writer = new DatabaseAccessRecordWriter(database.Factory, TimeProvider.System);
        for (var i = 0; i < 5; i++)
        {
            await writer.AppendAsync(Clerk, new AccessEntry(["resident"], ["20000" + i], ["resident.name"], false), "1", TestContext.Current.CancellationToken);
        }

        var (publishCode, published, publishError) = await RunAsync(database, "audit", "checkpoint", "--publish");
        Assert.True(publishCode == 0, publishError);
        Assert.Equal(["municipalhub.local/access-records", "5"], published.Split('\n').Take(2));
        Assert.Contains("checkpoint of 5 records written to", publishError, StringComparison.Ordinal);

        var (keyCode, verifierKey, _) = await RunAsync(database, "audit", "checkpoint", "--verifier-key");
        Assert.Equal(0, keyCode);
        Assert.StartsWith("municipalhub.local/access-records+", verifierKey, StringComparison.Ordinal);
        var keyFile = Path.Combine(_dir, "city-verifier-key.txt");
        await File.WriteAllTextAsync(keyFile, verifierKey, TestContext.Current.CancellationToken);

        var (latestCode, latest, _) = await RunAsync(database, "audit", "checkpoint");
        Assert.Equal(0, latestCode);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(Witness, "latest"), TestContext.Current.CancellationToken), latest);

        var (verifyCode, verified, verifyError) = await RunAsync(database, "audit", "verify", "--checkpoint", Path.Combine(Witness, "latest"), "--key", keyFile);
        Assert.True(verifyCode == 0, verified + verifyError);
        Assert.Contains("the log extends it (consistency proof 5 → 5", verified, StringComparison.Ordinal);

        var proofFile = Path.Combine(_dir, "proof.json");
        var (proveCode, _, proveError) = await RunAsync(database, "audit", "prove", "--sequence", "3", "--for", "200002", "--out", proofFile);
        Assert.True(proveCode == 0, proveError);
        var proof = JsonNode.Parse(await File.ReadAllTextAsync(proofFile, TestContext.Current.CancellationToken))!;
        Assert.Equal(2, (long)proof["leafIndex"]!);
        Assert.Equal("|200002|", (string?)proof["record"]!["subjectAtenaNumbers"]); // the record names only the resident it is for

        // Offline: no database, no settings.
        var kept = Path.Combine(_dir, "checkpoint-from-proof.txt");
        var (checkCode, checkedText, _) = await RunOfflineAsync("audit", "verify-proof", proofFile, "--key", keyFile, "--save-checkpoint", kept);
        Assert.True(checkCode == 0, checkedText);
        Assert.Contains("proof VERIFIED: record 3", checkedText, StringComparison.Ordinal);
        Assert.DoesNotContain("FAIL", checkedText, StringComparison.Ordinal);

        var altered = (await File.ReadAllTextAsync(proofFile, TestContext.Current.CancellationToken)).Replace("demo-resident-clerk", "someone-else", StringComparison.Ordinal);
        await File.WriteAllTextAsync(proofFile, altered, TestContext.Current.CancellationToken);
        var (alteredCode, alteredText, _) = await RunOfflineAsync("audit", "verify-proof", proofFile, "--key", keyFile);
        Assert.Equal(1, alteredCode);
        Assert.Contains("FAIL", alteredText, StringComparison.Ordinal);
        Assert.Contains("proof FAILED", alteredText, StringComparison.Ordinal);

        // Cut the tail and rewrite the head to match: the chain check alone is satisfied, the checkpoint is not.
        await using (var db = database.CreateContext())
        {
            var fourth = await db.AccessRecords.AsNoTracking().SingleAsync(r => r.Sequence == 4, TestContext.Current.CancellationToken);
            await db.AccessRecords.Where(r => r.Sequence == 5).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            await db.AccessRecordHeads.ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, 4).SetProperty(h => h.LastHash, fourth.Hash), TestContext.Current.CancellationToken);
        }

        var (chainCode, _, _) = await RunAsync(database, "audit", "verify");
        var (cutCode, cut, _) = await RunAsync(database, "audit", "verify", "--checkpoint", kept, "--key", keyFile);
        Assert.Equal(1, cutCode);
        Assert.Contains("checkpoint checkpoint-from-proof.txt:", cut, StringComparison.Ordinal);
        Assert.Contains("the log holds only 4 records", cut, StringComparison.Ordinal);
        Assert.Contains("access records TAMPERED", cut, StringComparison.Ordinal);
        Assert.Equal(1, chainCode); // the tree still covers 5 records, so even without a checkpoint the head disagrees
    }

    [Fact]
    public async Task Checkpoint_ProductionWithoutKey_Exit2NamingTheSetting()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var hub = HubProcess.Start(_dir, "Production", "audit", "checkpoint",
            "--Database:Provider=" + database.Provider, "--Database:ConnectionString=" + database.Options.ConnectionString);

        Assert.Equal(2, await hub.WaitForExitAsync(TimeSpan.FromMinutes(2)));
        Assert.Contains("Hub:Audit:Checkpoints:SigningKeyFile is required in environment 'Production'", hub.StandardError, StringComparison.Ordinal);
        Assert.Contains("Hub:Audit:Checkpoints:WitnessDirectory or Hub:Audit:Checkpoints:WitnessUrl is required", hub.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyProof_NotAProof_Exit2()
    {
        var file = Path.Combine(_dir, "not-a-proof.json");
        await File.WriteAllTextAsync(file, "{\"format\":\"something-else\"}", TestContext.Current.CancellationToken);

        var (code, _, error) = await RunOfflineAsync("audit", "verify-proof", file);

        Assert.Equal(2, code);
        Assert.Contains("format is not municipalhub-access-record-proof/1", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<(int Code, string Output, string Error)> RunAsync(TestDatabase database, params string[] args)
    {
        await using var hub = HubProcess.Start(_dir, "Production", [.. args,
            "--Database:Provider=" + database.Provider, "--Database:ConnectionString=" + database.Options.ConnectionString,
            "--Hub:Audit:Checkpoints:SigningKeyFile=" + TestCheckpointKey.File, "--Hub:Audit:Checkpoints:WitnessDirectory=" + Witness]);
        var code = await hub.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (code, hub.StandardOutput.ReplaceLineEndings("\n"), hub.StandardError);
    }

    private async Task<(int Code, string Output, string Error)> RunOfflineAsync(params string[] args)
    {
        await using var hub = HubProcess.Start(_dir, "Production", args);
        var code = await hub.WaitForExitAsync(TimeSpan.FromMinutes(2));
        return (code, hub.StandardOutput, hub.StandardError);
    }
}
