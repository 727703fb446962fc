using Hub.Capabilities.Audit;
using Hub.Capabilities.Audit.Merkle;
using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;
using Hub.Api.Tests.Audit.Merkle;
using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Providers;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Tests.Audit;

/// <summary>
/// The Merkle tree as the group commit stores it on a real database: after concurrent groups, two writers, or records
/// written with the tree off and added later by the backfill, every root the stored nodes give, and every proof, equals
/// the RFC's recursion over the records' chain hashes. Each provider subclasses it.
/// </summary>
public abstract class AccessRecordTreeSpecification(DatabaseProvider provider)
{
    private const int Requests = 60;

    [Fact]
    public async Task Append_ConcurrentGroups_StoredTreeIsTheRfcTreeOfTheChainHashes()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var writer = new DatabaseAccessRecordWriter(database.Factory, TimeProvider.System);

        // Held behind the chain head's lock, the appends gather into groups of many records.
        List<Task<AccessRecord>> appends;
        await using (var db = database.CreateContext())
        {
            await using var held = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
            await db.AccessRecordHeads.ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence), TestContext.Current.CancellationToken);
            appends = [.. Enumerable.Range(0, Requests).Select(i => writer.AppendAsync(Clerk, Entry(i), "1", TestContext.Current.CancellationToken))];
            await held.CommitAsync(TestContext.Current.CancellationToken);
        }

        await Task.WhenAll(appends);
        Assert.InRange(writer.GroupCount, 1, 3);
        await AssertTreeIsTheReferenceAsync(database, Requests);
    }

    [Fact]
    public async Task Append_TwoWritersOnOneDatabase_OneTree()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var nodeA = new DatabaseAccessRecordWriter(new HubDbContextFactory(database.Options), TimeProvider.System);
        var nodeB = new DatabaseAccessRecordWriter(new HubDbContextFactory(database.Options), TimeProvider.System);

        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? nodeA : nodeB).AppendAsync(Clerk, Entry(i), "1", TestContext.Current.CancellationToken)));

        await AssertTreeIsTheReferenceAsync(database, 40);
    }

    [Fact]
    public async Task Backfill_RecordsWrittenWithoutTheTree_AddedInOrderAndAppendsResume()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var chainOnly = new DatabaseAccessRecordWriter(database.Factory, TimeProvider.System, tree: false);
        for (var i = 0; i < 23; i++)
        {
            await chainOnly.AppendAsync(Clerk, Entry(i), "1", TestContext.Current.CancellationToken);
        }

        // With the tree behind the chain, a writer with the tree on leaves its records to the backfill too.
        var writer = new DatabaseAccessRecordWriter(database.Factory, TimeProvider.System);
        await writer.AppendAsync(Clerk, Entry(23), "1", TestContext.Current.CancellationToken);
        await using (var db = database.CreateContext())
        {
            Assert.Equal(0, (await db.AccessRecordHeads.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken)).TreeSize);
            Assert.False(await db.AccessRecordTree.AnyAsync(TestContext.Current.CancellationToken));
        }

        var added = await new AccessRecordTreeBackfill(database.Factory).CatchUpAsync(TestContext.Current.CancellationToken);
        Assert.Equal(24, added);
        await writer.AppendAsync(Clerk, Entry(24), "1", TestContext.Current.CancellationToken);

        await AssertTreeIsTheReferenceAsync(database, 25);
    }

    [Fact]
    public async Task Backfill_GapInTheChain_RefusesToPassIt()
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var chainOnly = new DatabaseAccessRecordWriter(database.Factory, TimeProvider.System, tree: false);
        for (var i = 0; i < 5; i++)
        {
            await chainOnly.AppendAsync(Clerk, Entry(i), "1", TestContext.Current.CancellationToken);
        }

        await using (var db = database.CreateContext())
        {
            await db.AccessRecords.Where(r => r.Sequence == 3).ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => new AccessRecordTreeBackfill(database.Factory).CatchUpAsync(TestContext.Current.CancellationToken));
        Assert.Contains("access record 3 is missing", failure.Message, StringComparison.Ordinal);
    }

    private static async Task AssertTreeIsTheReferenceAsync(TestDatabase database, int count)
    {
        var ct = TestContext.Current.CancellationToken;
        List<byte[]> leaves;
        AccessRecordHead head;
        await using (var db = database.CreateContext())
        {
            leaves = [.. (await db.AccessRecords.AsNoTracking().OrderBy(r => r.Sequence).Select(r => r.Hash).ToListAsync(ct)).Select(Convert.FromHexString)];
            head = await db.AccessRecordHeads.AsNoTracking().SingleAsync(ct);
            Assert.Equal(2L * count - long.PopCount(count), await db.AccessRecordTree.LongCountAsync(ct));
        }

        Assert.Equal(count, leaves.Count);
        Assert.Equal(count, head.TreeSize);
        Assert.Equal(ReferenceMerkleTree.Mth(leaves), MerkleFrontier.FromBytes(head.TreeSize, head.TreeEdge).Root());
        var reader = new MerkleTreeReader(new DatabaseMerkleNodeStore(database.Factory));
        for (var n = 1; n <= count; n++)
        {
            var prefix = leaves[..n];
            Assert.Equal(ReferenceMerkleTree.Mth(prefix), await reader.RootAsync(n, ct));
            var m = ((n * 7) + 3) % n;
            Assert.Equal(ReferenceMerkleTree.Path(m, prefix), await reader.InclusionProofAsync(m, n, ct));
            Assert.Equal(ReferenceMerkleTree.Proof((n + 1) / 2, prefix), await reader.ConsistencyProofAsync((n + 1) / 2, n, ct));
        }
    }

    private static readonly HubRequestContext Clerk = new("resident-registry", "窓口", "CASE-1", "clerk-a", ["staff"], null, "kiosk-1");

    private static AccessEntry Entry(int i) => new(["resident"], ["3000" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)], ["resident.name"], i % 7 == 0);
}
