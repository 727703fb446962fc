using System.Security.Cryptography;
using Hub.Capabilities.Audit;
using Hub.Capabilities.Audit.Checkpoints;
using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;
using Hub.Data.Entities;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Tests.Audit;

/// <summary>
/// An access log on a real database with what the hub puts around it: the group-commit writer, a checkpoint key, a
/// witness folder of its own and the publisher that signs checkpoints into it. Tests tamper with the rows behind it.
/// </summary>
internal sealed class AuditLogHarness : IAsyncDisposable
{
    private readonly DatabaseAccessRecordWriter _writer;
    private readonly bool _ownsDatabase;
    private int _appended;

    private AuditLogHarness(TestDatabase database, string witnessDirectory, CheckpointSigner signer, TimeProvider time, bool ownsDatabase)
    {
        _ownsDatabase = ownsDatabase;
        Database = database;
        WitnessDirectory = witnessDirectory;
        Signer = signer;
        Time = time;
        _writer = new DatabaseAccessRecordWriter(database.Factory, time);
        Anchor = new AuditAnchor(time, TimeSpan.FromMinutes(5));
    }

    public TestDatabase Database { get; }

    public string WitnessDirectory { get; }

    public CheckpointSigner Signer { get; }

    public TimeProvider Time { get; }

    public AuditAnchor Anchor { get; }

    /// <summary>
    /// A log on <paramref name="database"/> (disposed with the harness when <paramref name="ownsDatabase"/>);
    /// <paramref name="witnessDirectory"/> and <paramref name="signer"/> may be shared with another harness (two nodes, one witness).
    /// </summary>
    public static AuditLogHarness Create(TestDatabase database, string? witnessDirectory = null, CheckpointSigner? signer = null, TimeProvider? time = null, bool ownsDatabase = false) =>
        new(database,
            witnessDirectory ?? Directory.CreateTempSubdirectory("hub-witness-").FullName,
            signer ?? new CheckpointSigner("test.municipalhub.local/access-records", ECDsa.Create(ECCurve.NamedCurves.nistP256)),
            time ?? TimeProvider.System,
            ownsDatabase);

    /// <summary>Appends <paramref name="count"/> records through the writer, one at a time.</summary>
    public async Task<IReadOnlyList<AccessRecord>> AppendAsync(int count, string user = "clerk-a")
    {
        var records = new List<AccessRecord>(count);
        for (var i = 0; i < count; i++)
        {
            var n = ++_appended;
            records.Add(await _writer.AppendAsync(
                new HubRequestContext("resident-registry", "窓口", "CASE-" + n, user, ["staff"], null, "kiosk-1"),
                new AccessEntry(["resident"], ["30" + n.ToString("D8", System.Globalization.CultureInfo.InvariantCulture)], ["resident.name"], n % 5 == 0),
                "1",
                TestContext.Current.CancellationToken));
        }

        return records;
    }

    /// <summary>Signs a checkpoint of the tree and offers it to <paramref name="witness"/> (default: the witness folder).</summary>
    public Task<CheckpointPublication> PublishAsync(ICheckpointWitness? witness = null) =>
        new CheckpointPublisher(Database.Factory, new AccessRecordTreeBackfill(Database.Factory), Signer, witness ?? Witness(), Anchor, Time).PublishAsync(TestContext.Current.CancellationToken);

    /// <summary>The witness folder as the hub writes to it.</summary>
    public DirectoryCheckpointWitness Witness() => new(WitnessDirectory, Signer.Verifier, Time);

    /// <summary>The path of the witness's latest checkpoint.</summary>
    public string LatestCheckpointFile => Path.Combine(WitnessDirectory, DirectoryCheckpointWitness.LatestFile);

    /// <summary><c>hub audit verify --checkpoint PATH</c> as the command runs it: exit code and output.</summary>
    public async Task<(int Code, string Text)> VerifyAsync(params string[] checkpointPaths)
    {
        using var output = new StringWriter();
        var files = checkpointPaths.SelectMany(Hub.Api.CommandLine.AuditCheckpoints.Read).ToList();
        var code = await Hub.Api.CommandLine.AuditCommand.VerifyAsync(Database.Factory, files, Signer.Verifier, output, TestContext.Current.CancellationToken);
        return (code, output.ToString());
    }

    /// <summary>Every row of the log (records, tree, head, checkpoint copies), as a backup would hold them.</summary>
    public async Task<AuditLogRows> SnapshotAsync()
    {
        await using var db = Database.CreateContext();
        var ct = TestContext.Current.CancellationToken;
        return new AuditLogRows(
            await db.AccessRecords.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync(ct),
            await db.AccessRecordTree.AsNoTracking().ToListAsync(ct),
            await db.AccessRecordHeads.AsNoTracking().SingleAsync(ct),
            await db.AccessRecordCheckpoints.AsNoTracking().ToListAsync(ct));
    }

    /// <summary>Replaces every row of the log with <paramref name="rows"/> (a restore from that backup).</summary>
    public async Task RestoreAsync(AuditLogRows rows)
    {
        await using var db = Database.CreateContext();
        var ct = TestContext.Current.CancellationToken;
        await db.AccessRecords.ExecuteDeleteAsync(ct);
        await db.AccessRecordTree.ExecuteDeleteAsync(ct);
        await db.AccessRecordCheckpoints.ExecuteDeleteAsync(ct);
        db.AccessRecords.AddRange(rows.Records);
        db.AccessRecordTree.AddRange(rows.Tree);
        db.AccessRecordCheckpoints.AddRange(rows.Checkpoints);
        await db.SaveChangesAsync(ct);
        await db.AccessRecordHeads.ExecuteUpdateAsync(s => s
            .SetProperty(h => h.LastSequence, rows.Head.LastSequence)
            .SetProperty(h => h.LastHash, rows.Head.LastHash)
            .SetProperty(h => h.TreeSize, rows.Head.TreeSize)
            .SetProperty(h => h.TreeEdge, rows.Head.TreeEdge), ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (_ownsDatabase)
        {
            await Database.DisposeAsync();
        }

        try
        {
            Directory.Delete(WitnessDirectory, recursive: true);
        }
        catch (IOException)
        {
            // shared with another harness that already removed it (DirectoryNotFoundException is an IOException)
        }
    }
}
