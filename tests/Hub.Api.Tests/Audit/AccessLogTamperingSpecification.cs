using Hub.Capabilities.Audit;
using Hub.Capabilities.Audit.Checkpoints;
using Hub.Capabilities.Audit.Merkle;
using Hub.Data.Entities;
using Hub.Data.Providers;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Tests.Audit;

/// <summary>
/// Given a checkpoint kept at the witness, <c>hub audit verify --checkpoint</c> (its service, the code the command runs)
/// detects each way of cutting or rolling back the log: an edited record, a deleted middle record, a deleted tail with the
/// head rewritten, a wiped log, a restore from an older backup, and two nodes that fork the log. Each tamper is also
/// tried as the strongest attacker with the database would do it, re-chaining the records and rebuilding the tree and the
/// head so that the chain and the tree check out: only the checkpoint outside the database still catches it.
/// </summary>
public abstract class AccessLogTamperingSpecification(DatabaseProvider provider)
{
    [Fact]
    public async Task Verify_LogGrewSinceTheCheckpoint_ProvesItExtendsIt()
    {
        await using var log = await LogWithCheckpointAsync(10);
        await log.AppendAsync(5);

        var (code, text) = await log.VerifyAsync(log.LatestCheckpointFile);

        Assert.Equal(0, code);
        Assert.Contains("signature valid", text, StringComparison.Ordinal);
        Assert.Contains("checkpoint of 10 records", text, StringComparison.Ordinal);
        Assert.Contains("the log extends it (consistency proof 10 → 15", text, StringComparison.Ordinal);
        Assert.Contains("access records intact: 15 record(s), chain head 15", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_EditedRecord_Detected_EvenWithTheChainAndTreeRewritten()
    {
        await using var log = await LogWithCheckpointAsync(10);
        await using (var db = log.Database.CreateContext())
        {
            await db.AccessRecords.Where(r => r.Sequence == 4).ExecuteUpdateAsync(s => s.SetProperty(r => r.UserId, "someone-else"), TestContext.Current.CancellationToken);
        }

        var (code, text) = await log.VerifyAsync(log.LatestCheckpointFile);
        Assert.Equal(1, code);
        Assert.Contains("record 4: changed", text, StringComparison.Ordinal);
        Assert.Contains("the first 10 records no longer hash to its root", text, StringComparison.Ordinal); // the tree is rebuilt from content, not from stored hashes

        await ForgeAsync(log);
        (code, text) = await log.VerifyAsync(log.LatestCheckpointFile);
        Assert.Equal(1, code);
        Assert.DoesNotContain("record 4", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Merkle tree:", text, StringComparison.Ordinal);
        Assert.Contains("the first 10 records no longer hash to its root", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DeletedMiddleRecord_Detected_EvenWithTheChainRenumbered()
    {
        await using var log = await LogWithCheckpointAsync(10);
        await using (var db = log.Database.CreateContext())
        {
            await db.AccessRecords.Where(r => r.Sequence == 5).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        var (code, text) = await log.VerifyAsync(log.LatestCheckpointFile);
        Assert.Equal(1, code);
        Assert.Contains("record 5: removed", text, StringComparison.Ordinal);
        Assert.Contains("the log holds only 9 records", text, StringComparison.Ordinal);

        await ForgeAsync(log);
        await log.AppendAsync(1); // back to 10 records, the checkpoint's size
        (code, text) = await log.VerifyAsync(log.LatestCheckpointFile);
        Assert.Equal(1, code);
        Assert.DoesNotContain("record 5", text, StringComparison.Ordinal);
        Assert.Contains("the first 10 records no longer hash to its root", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_DeletedTailWithTheHeadRewritten_Detected()
    {
        await using var log = await LogWithCheckpointAsync(10);
        await using (var db = log.Database.CreateContext())
        {
            await db.AccessRecords.Where(r => r.Sequence >= 8).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        await ForgeAsync(log);
        var (code, text) = await log.VerifyAsync(log.LatestCheckpointFile);

        Assert.Equal(1, code);
        Assert.DoesNotContain("the chain head says", text, StringComparison.Ordinal); // the chain and its head agree now
        Assert.Contains("checkpoint of 10 records", text, StringComparison.Ordinal);
        Assert.Contains("the log holds only 7 records", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WipedLogWithTheHeadReset_Detected()
    {
        await using var log = await LogWithCheckpointAsync(10);
        await using (var db = log.Database.CreateContext())
        {
            await db.AccessRecords.ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            await db.AccessRecordTree.ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            await db.AccessRecordCheckpoints.ExecuteDeleteAsync(TestContext.Current.CancellationToken);
            await db.AccessRecordHeads.ExecuteUpdateAsync(s => s
                .SetProperty(h => h.LastSequence, 0)
                .SetProperty(h => h.LastHash, AccessRecordChain.Genesis)
                .SetProperty(h => h.TreeSize, 0)
                .SetProperty(h => h.TreeEdge, Array.Empty<byte>()), TestContext.Current.CancellationToken);
        }

        var (code, text) = await log.VerifyAsync(log.LatestCheckpointFile);

        Assert.Equal(1, code);
        Assert.Contains("the log holds only 0 records", text, StringComparison.Ordinal);
        Assert.Contains("access records TAMPERED: 1 finding(s) in 0 record(s)", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_RestoredFromAnOlderBackup_DetectedAndRefusedByTheWitness()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var log = AuditLogHarness.Create(database);
        await log.AppendAsync(6);
        var backup = await log.SnapshotAsync();
        await log.AppendAsync(4);
        Assert.Equal(WitnessVerdict.Accepted, (await log.PublishAsync()).Outcome!.Verdict);

        await log.RestoreAsync(backup);
        var (code, text) = await log.VerifyAsync(log.LatestCheckpointFile);
        Assert.Equal(1, code);
        Assert.Contains("the log holds only 6 records", text, StringComparison.Ordinal);

        // The restored hub goes on writing: past the checkpoint's size its records are not the ones the checkpoint signed.
        await log.AppendAsync(7);
        (code, text) = await log.VerifyAsync(log.LatestCheckpointFile);
        Assert.Equal(1, code);
        Assert.Contains("the first 10 records no longer hash to its root", text, StringComparison.Ordinal);

        var publication = await log.PublishAsync();
        Assert.Equal(WitnessVerdict.Inconsistent, publication.Outcome!.Verdict);
        Assert.True(log.Anchor.IsUnanchored);
    }

    [Fact]
    public async Task Witness_TwoNodesForkTheLog_RefusesTheSecondAndVerifyReportsTheFork()
    {
        await using var databaseA = await TestDatabase.CreateAsync(provider);
        await using var databaseB = await TestDatabase.CreateAsync(provider);
        await using var nodeA = AuditLogHarness.Create(databaseA);
        await using var nodeB = AuditLogHarness.Create(databaseB, nodeA.WitnessDirectory, nodeA.Signer);

        // A shared prefix (B starts as a copy of A), then each node writes its own records.
        await nodeA.AppendAsync(6);
        await nodeB.RestoreAsync(await nodeA.SnapshotAsync());
        await nodeA.AppendAsync(3, user: "node-a");
        await nodeB.AppendAsync(3, user: "node-b");

        Assert.Equal(WitnessVerdict.Accepted, (await nodeA.PublishAsync()).Outcome!.Verdict);
        var sameSize = await nodeB.PublishAsync();
        Assert.Equal(WitnessVerdict.Inconsistent, sameSize.Outcome!.Verdict);
        Assert.Contains("same size (9) with another root", sameSize.Outcome.Message, StringComparison.Ordinal);

        await nodeB.AppendAsync(2, user: "node-b");
        var larger = await nodeB.PublishAsync();
        Assert.Equal(WitnessVerdict.Inconsistent, larger.Outcome!.Verdict);
        Assert.Contains("does not extend the witness's checkpoint of 9 records", larger.Outcome.Message, StringComparison.Ordinal);
        Assert.True(nodeB.Anchor.IsUnanchored);
        Assert.Single(Directory.GetFiles(nodeA.WitnessDirectory, "checkpoint-*.txt"));

        var (codeB, textB) = await nodeB.VerifyAsync(nodeA.WitnessDirectory);
        Assert.Equal(1, codeB);
        Assert.Contains("the first 9 records no longer hash to its root", textB, StringComparison.Ordinal);

        // Had both written at once (the folder bypassed), the two checkpoints of one size show the fork by themselves.
        var forked = nodeB.Signer.Sign(9, await RootAsync(databaseB, 9), TimeProvider.System.GetUtcNow());
        await File.WriteAllTextAsync(Path.Combine(nodeA.WitnessDirectory, DirectoryCheckpointWitness.FileName(forked)), forked.Text, TestContext.Current.CancellationToken);
        var (codeA, textA) = await nodeA.VerifyAsync(nodeA.WitnessDirectory);
        Assert.Equal(1, codeA);
        Assert.Contains("fork: the checkpoints of 9 records carry 2 different roots", textA, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_CheckpointSignedByAnotherKey_ProvesNothing()
    {
        await using var log = await LogWithCheckpointAsync(4);
        var other = new CheckpointSigner(log.Signer.Origin, System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256));
        var file = Path.Combine(log.WitnessDirectory, "forged.txt");
        await File.WriteAllTextAsync(file, other.Sign(4, await RootAsync(log.Database, 4), TimeProvider.System.GetUtcNow()).Text, TestContext.Current.CancellationToken);

        var (code, text) = await log.VerifyAsync(file);

        Assert.Equal(1, code);
        Assert.Contains("checkpoint forged.txt: not signed by the key", text, StringComparison.Ordinal);
    }

    private async Task<AuditLogHarness> LogWithCheckpointAsync(int records)
    {
        var database = await TestDatabase.CreateAsync(provider);
        var log = AuditLogHarness.Create(database, ownsDatabase: true);
        await log.AppendAsync(records);
        var publication = await log.PublishAsync();
        Assert.Equal(WitnessVerdict.Accepted, publication.Outcome!.Verdict);
        Assert.True(File.Exists(log.LatestCheckpointFile));
        return log;
    }

    private static async Task<byte[]> RootAsync(TestDatabase database, long size) =>
        await new MerkleTreeReader(new DatabaseMerkleNodeStore(database.Factory)).RootAsync(size, TestContext.Current.CancellationToken);

    /// <summary>
    /// What an attacker with the database can make of the records left: renumbered 1…n, re-chained, the tree rebuilt and
    /// the head set to match, so that the chain check and the tree check both pass.
    /// </summary>
    private static async Task ForgeAsync(AuditLogHarness log)
    {
        var ct = TestContext.Current.CancellationToken;
        await using var db = log.Database.CreateContext();
        var records = await db.AccessRecords.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync(ct);
        var previous = AccessRecordChain.Genesis;
        var edge = MerkleFrontier.Empty();
        var nodes = new List<AccessRecordTreeNode>();
        for (var i = 0; i < records.Count; i++)
        {
            records[i].Sequence = i + 1;
            records[i].PreviousHash = previous;
            records[i].Hash = AccessRecordChain.ComputeHash(records[i]);
            previous = records[i].Hash;
            edge.Append(AccessRecordLeaf.Hash(records[i].Hash), (node, hash) => nodes.Add(new AccessRecordTreeNode { Position = node.Position, Hash = hash }));
        }

        await db.AccessRecords.ExecuteDeleteAsync(ct);
        await db.AccessRecordTree.ExecuteDeleteAsync(ct);
        await db.AccessRecordCheckpoints.ExecuteDeleteAsync(ct);
        db.AccessRecords.AddRange(records);
        db.AccessRecordTree.AddRange(nodes);
        await db.SaveChangesAsync(ct);
        await db.AccessRecordHeads.ExecuteUpdateAsync(s => s
            .SetProperty(h => h.LastSequence, records.Count)
            .SetProperty(h => h.LastHash, previous)
            .SetProperty(h => h.TreeSize, records.Count)
            .SetProperty(h => h.TreeEdge, edge.ToBytes()), ct);
    }
}
