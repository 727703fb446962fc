using Hub.Capabilities.Audit.Checkpoints;
using Hub.Data.Providers;
using Hub.Testing.Databases;

namespace Hub.Api.Tests.Audit.Checkpoints;

/// <summary>
/// Checkpoints offered to a tlog-witness over HTTP: accepted with a consistency proof from the size the witness holds
/// (learnt from its 409 when this node did not know it), and refused when the log forks (same size, another root) or
/// does not extend what it holds (422), which stops anchoring.
/// </summary>
public sealed class HttpCheckpointWitnessTests
{
    [Fact]
    public async Task Submit_GrowingLog_AcceptedWithConsistencyProofs_ForkRefused()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        await using var log = AuditLogHarness.Create(database);
        await using var server = await TlogWitnessServer.StartAsync(log.Signer.Verifier);
        using var http = new HttpClient();

        await log.AppendAsync(5);
        var backup = await log.SnapshotAsync();
        Assert.Equal(WitnessVerdict.Accepted, (await log.PublishAsync(new HttpCheckpointWitness(http, server.Prefix))).Outcome!.Verdict);
        Assert.Equal(5, server.Size);

        // A node that has not talked to the witness yet learns its size from a 409 and sends the proof from there.
        await log.AppendAsync(3);
        var grown = await log.PublishAsync(new HttpCheckpointWitness(http, server.Prefix));
        Assert.Equal(WitnessVerdict.Accepted, grown.Outcome!.Verdict);
        Assert.Equal(8, server.Size);

        // The database restored to 5 records and written on: 8 records again, but not the ones the witness saw.
        await log.RestoreAsync(backup);
        await log.AppendAsync(3, user: "restored");
        var sameSize = await log.PublishAsync(new HttpCheckpointWitness(http, server.Prefix));
        Assert.Equal(WitnessVerdict.Inconsistent, sameSize.Outcome!.Verdict);
        Assert.Contains("same size (8) with another root", sameSize.Outcome.Message, StringComparison.Ordinal);

        await log.AppendAsync(2, user: "restored");
        var larger = await log.PublishAsync(new HttpCheckpointWitness(http, server.Prefix));
        Assert.Equal(WitnessVerdict.Inconsistent, larger.Outcome!.Verdict);
        Assert.Equal(1, server.Unprocessable);
        Assert.Equal(8, server.Size);
        Assert.True(log.Anchor.IsUnanchored);
    }
}
