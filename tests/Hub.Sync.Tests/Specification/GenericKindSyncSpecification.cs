using Hub.Adapters.Records;
using Hub.Adapters.ResidentRegistry;
using Hub.Adapters.Sdk;
using Hub.Data.Entities;
using Hub.Data.Providers;
using Hub.Data.Queries;
using Hub.Sync.Running;
using Hub.Sync.Tests.Support;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using static Hub.Sync.Tests.Support.CareRecords;

namespace Hub.Sync.Tests.Specification;

/// <summary>
/// A kind declared as data (要介護認定) is stored with the typed kinds' history and provenance on every provider and store:
/// close the latest version and open a new one on change, count the unchanged, end validity on 消除, quarantine naming the
/// field, resume after a stopped run.
/// </summary>
public abstract class GenericKindSyncSpecification(DatabaseProvider provider, bool providerNeutral = false) : IAsyncLifetime
{
    private const string Source = "long-term-care";
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-kind-").FullName;
    private TestDatabase? _db;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase Db => _db!;

    public async ValueTask InitializeAsync()
    {
        _db = await TestDatabase.CreateAsync(provider);
        var export = new ResidentExport();
        for (var i = 1; i <= 60; i++)
        {
            export.Person(i, i, "世帯主", i, name: $"住民　{i}");
        }

        var file = export.WriteTo(Path.Combine(_dir, "residents.csv"));
        var registry = await Runner().RunAsync(new SyncSource("resident-registry", "resident-registry", () => new ResidentRegistryCsvAdapter(new ResidentRegistryCsvOptions { FilePath = file })), null, Ct);
        Assert.True(registry.Succeeded, registry.Error);
    }

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        Directory.Delete(_dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task FirstLoad_StoresValuesSubjectProvenanceAndValidity()
    {
        var summary = await Run([Care(1, "0000000001", "要介護2", new DateOnly(2025, 4, 1), new DateOnly(2026, 3, 31)), Care(2, "0000000002", "要支援1", new DateOnly(2024, 10, 1))]);

        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal((2, 2, 0, 0), (summary.Read, summary.Inserted, summary.Updated, summary.Unchanged));
        await using var ctx = Db.CreateContext();
        var first = await ctx.GenericRecords.SingleAsync(g => g.AtenaNumber == ResidentExport.Atena(1), Ct);
        Assert.Equal("longTermCare", first.Kind);
        Assert.Equal(Source, first.SourceSystem);
        Assert.Equal("0000000001|2025-04-01", first.SourceKey);
        Assert.Equal(At.UtcDateTime, first.SourceTimestamp);
        Assert.Equal(summary.RunId, first.SyncRunId);
        Assert.Equal(32, first.ContentHash.Length);
        Assert.Null(first.SupersededAt);
        // 認定有効期間 2025-04-01 … 2026-03-31 (inclusive): from midnight JST of the first day to midnight JST after the last.
        Assert.Equal(new DateTime(2025, 3, 31, 15, 0, 0, DateTimeKind.Utc), first.ValidFrom);
        Assert.Equal(new DateTime(2026, 3, 31, 15, 0, 0, DateTimeKind.Utc), first.ValidTo);
        using var values = System.Text.Json.JsonDocument.Parse(first.Values);
        Assert.Equal("要介護2", values.RootElement.GetProperty("careLevel").GetString());
        Assert.Equal("2026-03-31", values.RootElement.GetProperty("validUntil").GetString());
        var open = await ctx.GenericRecords.SingleAsync(g => g.AtenaNumber == ResidentExport.Atena(2), Ct);
        Assert.Null(open.ValidTo);
        Assert.False(System.Text.Json.JsonDocument.Parse(open.Values).RootElement.TryGetProperty("validUntil", out _));
    }

    [Fact]
    public async Task Resync_ChangedClosesAndOpens_UnchangedCounted_RemovalEndsValidity_NothingDeleted()
    {
        var from = new DateOnly(2025, 4, 1);
        await Run([Care(1, "0000000001", "要介護2", from), Care(2, "0000000002", "要支援1", from), Care(3, "0000000003", "要介護5", from)]);

        var later = At.AddMonths(2);
        var summary = await Run(
            [Care(1, "0000000001", "要介護3", from, at: later), Care(2, "0000000002", "要支援1", from), Care(3, "0000000003", "要介護5", from, removed: true, at: later)],
            fresh: true);

        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal((3, 0, 2, 1), (summary.Read, summary.Inserted, summary.Updated, summary.Unchanged));
        await using var ctx = Db.CreateContext();
        Assert.Equal(5, await ctx.GenericRecords.CountAsync(Ct));
        var first = await ctx.GenericRecords.Where(g => g.AtenaNumber == ResidentExport.Atena(1)).OrderBy(g => g.Id).ToListAsync(Ct);
        Assert.Equal(2, first.Count);
        Assert.NotNull(first[0].SupersededAt);
        Assert.Contains("要介護2", first[0].Values, StringComparison.Ordinal);
        Assert.Null(first[1].SupersededAt);
        Assert.Contains("要介護3", first[1].Values, StringComparison.Ordinal);
        Assert.Equal(first[0].SupersededAt, first[1].RecordedAt);
        var removed = await ctx.GenericRecords.Latest().SingleAsync(g => g.AtenaNumber == ResidentExport.Atena(3), Ct);
        Assert.Equal(later.UtcDateTime, removed.ValidTo);
        Assert.Equal(2, await ctx.GenericRecords.Living().CountAsync(Ct));
    }

    [Fact]
    public async Task BadRecords_AreQuarantinedNamingTheFieldNeverTheValue()
    {
        CanonicalRecord[] records =
        [
            Care(1, "0000000001", "要介護2", new DateOnly(2025, 4, 1)),
            Care(2, "0000000002", "要介護2", new DateOnly(2025, 4, 1), tweak: v => v["nickname"] = "ひみつ"),
            Care(3, "0000000003", "要介護2", new DateOnly(2025, 4, 1), tweak: v => v["certifiedOn"] = "令和7年4月1日"),
            Care(4, "0000000004", "要介護2", new DateOnly(2025, 4, 1), tweak: v => v.Remove("careLevel")),
            Care(99, "0000000099", "要介護2", new DateOnly(2025, 4, 1)),
            Care(1, "0000000001", "要介護4", new DateOnly(2025, 4, 1)),
            Of("disability", new Dictionary<string, object?> { ["atenaNumber"] = ResidentExport.Atena(5) }),
        ];

        var summary = await Run(records);

        Assert.Equal((7, 1, 6), (summary.Read, summary.Inserted, summary.Quarantined));
        await using var ctx = Db.CreateContext();
        var reasons = await ctx.QuarantinedRecords.OrderBy(q => q.Id).Select(q => q.Reason).ToListAsync(Ct);
        Assert.Equal(
            [
                "nickname: not a field of longTermCare",
                "certifiedOn: expected a date (yyyy-MM-dd)",
                "careLevel: required",
                "atenaNumber: unknown to the resident registry",
                "source key appears more than once in this run; the first occurrence was kept",
                "kind: 'disability' is not a record kind declared as data in the catalog",
            ],
            reasons);
        Assert.DoesNotContain(reasons, r => r.Contains("ひみつ", StringComparison.Ordinal) || r.Contains("令和", StringComparison.Ordinal));
        Assert.Contains("要介護2", (await ctx.GenericRecords.SingleAsync(Ct)).Values, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameKeyInTwoKinds_AreVersionedApart()
    {
        var day = new DateOnly(2025, 4, 1);
        await Run([Care(1, "12345678", "要介護1", day), Elderly(1, "12345678", day)]);

        var summary = await Run([Care(1, "12345678", "要介護2", day), Elderly(1, "12345678", day)], fresh: true);

        Assert.Equal((2, 0, 1, 1), (summary.Read, summary.Inserted, summary.Updated, summary.Unchanged));
        await using var ctx = Db.CreateContext();
        Assert.Equal(1, await ctx.GenericRecords.CountAsync(g => g.Kind == "lateElderly", Ct));
        Assert.Equal(2, await ctx.GenericRecords.CountAsync(g => g.Kind == "longTermCare", Ct));
        Assert.Equal("12345678|2025-04-01", (await ctx.GenericRecords.SingleAsync(g => g.Kind == "lateElderly", Ct)).SourceKey);
    }

    [Fact]
    public async Task RunStoppedMidway_NextRunResumes_DatabaseEqualsAnUninterruptedRun()
    {
        var records = Enumerable.Range(1, 50).Select(i => (CanonicalRecord)Care(i, $"{i:D10}", "要介護1", new DateOnly(2025, 4, 1))).ToList();
        using var stop = new CancellationTokenSource();
        var progress = new SynchronousProgress(read => { if (read >= 20) stop.Cancel(); });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner().RunAsync(SourceOf(records, batchSize: 7), progress, stop.Token));

        var resumed = await Runner().RunAsync(SourceOf(records, batchSize: 7), null, Ct);

        Assert.True(resumed.Succeeded, resumed.Error);
        await using var ctx = Db.CreateContext();
        var runs = await ctx.SyncRuns.Where(r => r.Source == Source).OrderBy(r => r.Id).ToListAsync(Ct);
        Assert.Equal([SyncRunStatus.Abandoned, SyncRunStatus.Succeeded], runs.Select(r => r.Status));
        Assert.All(runs, r => Assert.True(r.IsBalanced));
        Assert.Equal(50, runs.Sum(r => r.Read));
        Assert.Equal(50, await ctx.GenericRecords.Latest().CountAsync(Ct));
        Assert.Equal(50, await ctx.GenericRecords.Select(g => g.AtenaNumber).Distinct().CountAsync(Ct));
    }

    private SyncRunner Runner() => new(Db.Factory, TimeProvider.System, NullLogger<SyncRunner>.Instance, Catalog) { UseProviderNeutralStore = providerNeutral };

    private static SyncSource SourceOf(IReadOnlyList<CanonicalRecord> records, int batchSize = 100) =>
        new(Source, Source, () => new ListSourceAdapter(records, batchSize));

    private async Task<SyncRunSummary> Run(IReadOnlyList<CanonicalRecord> records, bool fresh = false)
    {
        if (fresh)
        {
            // A new export of the same source: read from the start again.
            await using var ctx = Db.CreateContext();
            await ctx.SourceWatermarks.Where(w => w.Source == Source).ExecuteDeleteAsync(Ct);
        }

        return await Runner().RunAsync(SourceOf(records), null, Ct);
    }

    private sealed class SynchronousProgress(Action<long> report) : IProgress<long>
    {
        public void Report(long value) => report(value);
    }
}

public sealed class SqliteGenericKindSyncTests() : GenericKindSyncSpecification(DatabaseProvider.Sqlite);

public sealed class PostgreSqlGenericKindSyncTests() : GenericKindSyncSpecification(DatabaseProvider.PostgreSql);

public sealed class SqlServerGenericKindSyncTests() : GenericKindSyncSpecification(DatabaseProvider.SqlServer);

/// <summary>The provider-neutral EF Core store (SQL Server's path), run on SQLite and PostgreSQL where it is the reference.</summary>
public sealed class SqliteEfStoreGenericKindSyncTests() : GenericKindSyncSpecification(DatabaseProvider.Sqlite, providerNeutral: true);

/// <summary>The provider-neutral EF Core store on PostgreSQL.</summary>
public sealed class PostgreSqlEfStoreGenericKindSyncTests() : GenericKindSyncSpecification(DatabaseProvider.PostgreSql, providerNeutral: true);
