using Hub.Capabilities.Audit;
using Hub.Api.CommandLine;
using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;
using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Providers;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Hub.Api.Tests.Audit;

/// <summary>
/// Group commit of access records on a real database: concurrent appends are written in few transactions and still form
/// one valid chain; a group whose transaction fails fails every request in it and writes nothing; two writers (two hub
/// nodes) on one database interleave into one valid chain. While the test holds the chain head's lock, appends gather
/// behind it, so the groups are deterministic: the one already waiting for the lock, and everything queued after it.
/// </summary>
public sealed class AccessRecordGroupCommitTests
{
    private const int Requests = 60;

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Append_ConcurrentRequests_FewGroupsOneValidChain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var writer = new DatabaseAccessRecordWriter(database.Factory, TimeProvider.System);

        List<Task<AccessRecord>> appends;
        await using (var held = await HoldChainAsync(database))
        {
            appends = [.. Enumerable.Range(0, Requests).Select(i => writer.AppendAsync(Clerk("clerk-" + (i % 3)), Entry(i), "1", TestContext.Current.CancellationToken))];
            await held.ReleaseAsync();
        }

        var records = await Task.WhenAll(appends);

        Assert.Equal(Enumerable.Range(1, Requests).Select(i => (long)i), records.Select(r => r.Sequence).Order());
        Assert.InRange(writer.GroupCount, 1, 2);
        var (code, text) = await VerifyAsync(database);
        Assert.Equal(0, code);
        Assert.Contains($"intact: {Requests} record(s)", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task Append_GroupTransactionFails_EveryRequestOfTheGroupFailsAndNothingIsWritten(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var writer = new DatabaseAccessRecordWriter(database.Factory, TimeProvider.System);

        List<Task<AccessRecord>> appends;
        await using (var held = await HoldChainAsync(database))
        {
            // Behind the writer's back: a record already at position 1, so every group's insert collides after the head moved.
            held.Context.AccessRecords.Add(new AccessRecord
            {
                Sequence = 1, RecordedAt = DateTime.UtcNow, UserId = "intruder", Task = "t", Purpose = "p", Operation = "resident",
                SubjectAtenaNumbers = "|1|", FieldPaths = "resident.name", PolicyVersion = "1", PreviousHash = AccessRecordChain.Genesis, Hash = AccessRecordChain.Genesis,
            });
            await held.Context.SaveChangesAsync(TestContext.Current.CancellationToken);
            appends = [.. Enumerable.Range(0, Requests).Select(i => writer.AppendAsync(Clerk("clerk-a"), Entry(i), "1", TestContext.Current.CancellationToken))];
            await held.ReleaseAsync();
        }

        foreach (var append in appends)
        {
            await Assert.ThrowsAnyAsync<Exception>(() => append);
        }

        Assert.InRange(writer.GroupCount, 1, 2);
        await using (var db = database.CreateContext())
        {
            // The head did not move and no record of the groups is there: each transaction was rolled back whole.
            var head = await db.AccessRecordHeads.AsNoTracking().SingleAsync(TestContext.Current.CancellationToken);
            Assert.Equal(0, head.LastSequence);
            Assert.Equal("intruder", Assert.Single(await db.AccessRecords.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken)).UserId);
            await db.AccessRecords.ExecuteDeleteAsync(TestContext.Current.CancellationToken);
        }

        // The writer goes on with the next group.
        var next = await writer.AppendAsync(Clerk("clerk-a"), Entry(0), "1", TestContext.Current.CancellationToken);
        Assert.Equal(1, next.Sequence);
        Assert.Equal(0, (await VerifyAsync(database)).Code);
    }

    [Theory]
    [InlineData(DatabaseProvider.PostgreSql)]
    [InlineData(DatabaseProvider.Sqlite)]
    public async Task Append_TwoWritersOnOneDatabase_InterleaveIntoOneValidChain(DatabaseProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        // Two hub nodes: a writer each, each with a factory of its own, on the same database.
        var nodeA = new DatabaseAccessRecordWriter(new HubDbContextFactory(database.Options), TimeProvider.System);
        var nodeB = new DatabaseAccessRecordWriter(new HubDbContextFactory(database.Options), TimeProvider.System);
        var appends = new List<Task<AccessRecord>>();
        await using (var held = await HoldChainAsync(database))
        {
            // Both nodes' first groups wait on the same lock; each node's rest queues behind its own.
            for (var i = 0; i < Requests; i++)
            {
                appends.Add(i % 2 == 0
                    ? nodeA.AppendAsync(Clerk("node-a"), Entry(i), "1", TestContext.Current.CancellationToken)
                    : nodeB.AppendAsync(Clerk("node-b"), Entry(i), "1", TestContext.Current.CancellationToken));
            }

            await held.ReleaseAsync();
        }

        var records = await Task.WhenAll(appends);

        var total = Requests;
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), records.Select(r => r.Sequence).Order());
        var (code, text) = await VerifyAsync(database);
        Assert.Equal(0, code);
        Assert.Contains($"intact: {total} record(s), chain head {total}", text, StringComparison.Ordinal);
        await using var db = database.CreateContext();
        var byNode = await db.AccessRecords.AsNoTracking().GroupBy(r => r.UserId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(total / 2, byNode.Single(n => n.Key == "node-a").Count);
        Assert.Equal(total / 2, byNode.Single(n => n.Key == "node-b").Count);
    }

    private static HubRequestContext Clerk(string user) => new("resident-registry", "窓口", "CASE-1", user, ["staff"], null, "kiosk-1");

    private static AccessEntry Entry(int i) => new(["resident"], ["3000" + i.ToString("D3", System.Globalization.CultureInfo.InvariantCulture)], ["resident.name"], i % 7 == 0);

    private static async Task<(int Code, string Text)> VerifyAsync(TestDatabase database)
    {
        using var output = new StringWriter();
        var code = await AuditCommand.VerifyAsync(database.Factory, output, TestContext.Current.CancellationToken);
        return (code, output.ToString());
    }

    /// <summary>Takes the chain head's lock in a transaction of the test's own, as another node's append would.</summary>
    private static async Task<HeldChain> HoldChainAsync(TestDatabase database)
    {
        var db = database.CreateContext();
        var transaction = await db.Database.BeginTransactionAsync(TestContext.Current.CancellationToken);
        await db.AccessRecordHeads.Where(h => h.Id == AccessRecordHead.SingletonId)
            .ExecuteUpdateAsync(s => s.SetProperty(h => h.LastSequence, h => h.LastSequence), TestContext.Current.CancellationToken);
        return new HeldChain(db, transaction);
    }

    private sealed class HeldChain(HubDbContext context, IDbContextTransaction transaction) : IAsyncDisposable
    {
        public HubDbContext Context { get; } = context;

        public Task ReleaseAsync() => transaction.CommitAsync(TestContext.Current.CancellationToken);

        public async ValueTask DisposeAsync()
        {
            await transaction.DisposeAsync();
            await Context.DisposeAsync();
        }
    }
}
