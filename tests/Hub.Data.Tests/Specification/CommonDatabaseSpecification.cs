using Hub.Data;
using Hub.Data.Entities;
using Hub.Data.Kinds;
using Hub.Data.Providers;
using Hub.Data.Queries;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace Hub.Data.Tests.Specification;

/// <summary>
/// What the common database must do on every engine. Each provider subclasses this once; every test
/// gets a fresh, migrated database of its own.
/// </summary>
public abstract class CommonDatabaseSpecification(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase? _db;

    private TestDatabase Db => _db ?? throw new InvalidOperationException("not initialised");

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task Migrate_FreshDatabase_CreatesEveryTableEmpty()
    {
        await using var ctx = Db.CreateContext();
        Assert.Equal(0, await ctx.Residents.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await ctx.Households.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await ctx.TaxAssessments.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await ctx.NhiQualifications.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await ctx.ChildAllowanceEntitlements.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await ctx.GenericRecords.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(0, await ctx.SyncRuns.CountAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await ctx.Database.GetPendingMigrationsAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Upgrade_ResidentsStoredBefore通称Keys_GetTheirAliasKeyFilled()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var ctx = Db.CreateContext())
        {
            var resident = NewResident("900001", "NGUYEN VAN LAN");
            resident.Alias = "中村　蘭";
            ctx.Residents.AddRange(resident, NewResident("900002", "山田 太郎"));
            await ctx.SaveChangesAsync(ct);

            // Back to the schema before the key existed, then up again as a hub upgrading its database does.
            var migrations = ctx.Database.GetMigrations().ToList();
            var adding = migrations.FindIndex(m => m.EndsWith("_ResidentNameAliasSearch", StringComparison.Ordinal));
            await ctx.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(migrations[adding - 1], cancellationToken: ct);
        }

        await HubDatabaseInitializer.MigrateAsync(Db.Factory, ct);

        await using var check = Db.CreateContext();
        var keys = await check.Residents.OrderBy(r => r.AtenaNumber).Select(r => r.AliasSearchKey).ToListAsync(ct);
        Assert.Equal(["中村蘭", null], keys);
    }

    [Fact]
    public async Task Model_MatchesTheProvidersMigrationSnapshot()
    {
        await using var ctx = Db.CreateContext();

        // A model change without its migration (for any of the three providers) fails here.
        Assert.False(ctx.Database.HasPendingModelChanges(), $"The EF model differs from the {provider} migrations' snapshot: add a migration for each provider.");
    }

    [Theory]
    [InlineData("葛\U000E0100飾　太郎")] // IVS: the variant glyph of 葛
    [InlineData("\U00020BB7野　花子")] // 𠮷 outside the BMP (surrogate pair)
    [InlineData("髙\uE0A1　一郎")] // vendor 外字 in the Private Use Area
    [InlineData("ｶﾞｲｼﾞ　ﾀﾛｳ")] // half-width kana as a legacy system wrote it
    public async Task Resident_SavedAndRead_KeepsOriginalCharactersExactly(string name)
    {
        var r = NewResident("0000000019", name);
        await using (var ctx = Db.CreateContext())
        {
            ctx.Residents.Add(r);
            await ctx.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = Db.CreateContext();
        var back = await read.Residents.SingleAsync(x => x.AtenaNumber == "0000000019", TestContext.Current.CancellationToken);
        Assert.Equal(name, back.Name, StringComparer.Ordinal);
        Assert.Equal(name.Length, back.Name.Length);
    }

    [Fact]
    public async Task Timestamps_RoundTrip_AsUtcToTheMicrosecond()
    {
        var at = new DateTime(2026, 3, 31, 23, 59, 58, DateTimeKind.Utc).AddTicks(1234560);
        var r = NewResident("0000000027", "山田　太郎");
        r.SourceTimestamp = at;
        r.ChangeDate = new DateOnly(2024, 2, 29);
        await using (var ctx = Db.CreateContext())
        {
            ctx.Residents.Add(r);
            await ctx.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = Db.CreateContext();
        var back = await read.Residents.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(DateTimeKind.Utc, back.SourceTimestamp.Kind);
        Assert.Equal(at, back.SourceTimestamp);
        Assert.Equal(new DateOnly(2024, 2, 29), back.ChangeDate);
    }

    [Fact]
    public async Task LatestVersion_TwoForOneSourceKey_IsRejected()
    {
        await using var ctx = Db.CreateContext();
        ctx.Residents.Add(NewResident("0000000035", "一"));
        ctx.Residents.Add(NewResident("0000000035", "二"));
        await Assert.ThrowsAsync<DbUpdateException>(() => ctx.SaveChangesAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Supersede_OldVersionClosed_LatestAndHistoryBothQueryable()
    {
        var v1 = NewResident("0000000043", "旧　氏名");
        await using (var ctx = Db.CreateContext())
        {
            ctx.Residents.Add(v1);
            await ctx.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var t2 = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var ctx = Db.CreateContext())
        {
            var old = await ctx.Residents.Latest().SingleAsync(x => x.AtenaNumber == "0000000043", TestContext.Current.CancellationToken);
            old.SupersededAt = t2;
            var v2 = NewResident("0000000043", "新　氏名");
            v2.RecordedAt = t2;
            ctx.Residents.Add(v2);
            await ctx.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = Db.CreateContext();
        var latest = await read.Residents.Latest().SingleAsync(x => x.AtenaNumber == "0000000043", TestContext.Current.CancellationToken);
        Assert.Equal("新　氏名", latest.Name);
        Assert.Equal(2, await read.Residents.CountAsync(x => x.AtenaNumber == "0000000043", TestContext.Current.CancellationToken));
        var before = await read.Residents.KnownAt(t2.AddSeconds(-1)).SingleAsync(x => x.AtenaNumber == "0000000043", TestContext.Current.CancellationToken);
        Assert.Equal("旧　氏名", before.Name);
    }

    [Fact]
    public async Task Removal_EndsValidity_RecordStaysAndLeavesLivingView()
    {
        var r = NewResident("0000000051", "消除　太郎");
        r.ValidTo = new DateTime(2025, 6, 30, 15, 0, 0, DateTimeKind.Utc);
        r.Status = "消除";
        await using (var ctx = Db.CreateContext())
        {
            ctx.Residents.Add(r);
            ctx.Residents.Add(NewResident("0000000060", "在住　花子"));
            await ctx.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = Db.CreateContext();
        Assert.Equal(2, await read.Residents.Latest().CountAsync(TestContext.Current.CancellationToken));
        var living = await read.Residents.Living().Select(x => x.AtenaNumber).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(["0000000060"], living);
    }

    [Fact]
    public async Task Quarantine_RawBytes_RoundTripExactly()
    {
        byte[] raw = [0x82, 0xA0, 0xF0, 0x40, 0x00, 0xFF, 0x0D, 0x0A];
        await using (var ctx = Db.CreateContext())
        {
            var run = new SyncRun { Source = "resident-registry", StartedAt = DateTime.UtcNow };
            ctx.SyncRuns.Add(run);
            await ctx.SaveChangesAsync(TestContext.Current.CancellationToken);
            ctx.QuarantinedRecords.Add(new QuarantinedRecord { SyncRunId = run.Id, Source = "resident-registry", Location = "residents.csv:12", RawBytes = raw, Reason = "atena_number: check digit does not match", QuarantinedAt = DateTime.UtcNow });
            await ctx.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = Db.CreateContext();
        var q = await read.QuarantinedRecords.SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(raw, q.RawBytes);
        Assert.Equal("residents.csv:12", q.Location);
    }

    [Fact]
    public async Task TaxAndQualifications_SaveAndQueryByAtenaNumber()
    {
        var now = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var ctx = Db.CreateContext())
        {
            ctx.TaxAssessments.Add(Stamp(new TaxAssessmentRecord { AtenaNumber = "0000000078", FiscalYear = 2025, TaxableIncome = 3_210_000, IncomeLevy = 321_000, PerCapitaLevy = 5_000 }, "0000000078:2025", now));
            ctx.NhiQualifications.Add(Stamp(new NhiQualificationRecord { AtenaNumber = "0000000078", InsuredNumber = "12345", AcquiredOn = new DateOnly(2020, 4, 1) }, "12345:2020-04-01", now));
            ctx.ChildAllowanceEntitlements.Add(Stamp(new ChildAllowanceEntitlementRecord { EntitlementId = "CA-1", RecipientAtenaNumber = "0000000078", ChildAtenaNumber = "0000000086", MonthlyAmount = 15_000 }, "CA-1", now));
            await ctx.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = Db.CreateContext();
        var tax = await read.TaxAssessments.Latest().SingleAsync(t => t.AtenaNumber == "0000000078" && t.FiscalYear == 2025, TestContext.Current.CancellationToken);
        Assert.Equal(321_000, tax.IncomeLevy);
        Assert.Equal(new DateOnly(2020, 4, 1), (await read.NhiQualifications.SingleAsync(TestContext.Current.CancellationToken)).AcquiredOn);
        Assert.Equal(15_000, (await read.ChildAllowanceEntitlements.SingleAsync(c => c.ChildAtenaNumber == "0000000086", TestContext.Current.CancellationToken)).MonthlyAmount);
    }

    [Fact]
    public async Task GenericRecords_QueriedByFieldValue_OnEveryProvider()
    {
        var now = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc);
        await using (var ctx = Db.CreateContext())
        {
            ctx.GenericRecords.Add(Stamp(new GenericRecord { Kind = "longTermCare", AtenaNumber = "0000000019", Values = """{"careLevel":"要介護3","validFrom":"2025-04-01","units":12,"homeCare":true}""" }, "A", now));
            ctx.GenericRecords.Add(Stamp(new GenericRecord { Kind = "longTermCare", AtenaNumber = "0000000027", Values = """{"careLevel":"要支援1","validFrom":"2024-10-01","units":3,"homeCare":false}""" }, "B", now));
            // Another kind with the same key and values: never mixed up.
            ctx.GenericRecords.Add(Stamp(new GenericRecord { Kind = "lateElderly", AtenaNumber = "0000000035", Values = """{"careLevel":"要介護3"}""" }, "A", now));
            await ctx.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        await using var read = Db.CreateContext();
        var care = read.GenericRecords.Latest().Where(g => g.Kind == "longTermCare");
        var ct = TestContext.Current.CancellationToken;
        Assert.Equal(["0000000019"], await care.Where(g => RecordJson.Text(g.Values, "careLevel") == "要介護3").Select(g => g.AtenaNumber).ToListAsync(ct));
        Assert.Equal(["0000000019"], await care.Where(g => RecordJson.Integer(g.Values, "units") >= 10).Select(g => g.AtenaNumber).ToListAsync(ct));
        var cut = new DateOnly(2025, 1, 1);
        Assert.Equal(["0000000027"], await care.Where(g => RecordJson.Date(g.Values, "validFrom") < cut).Select(g => g.AtenaNumber).ToListAsync(ct));
        Assert.Equal(["0000000027"], await care.Where(g => RecordJson.Boolean(g.Values, "homeCare") == false).Select(g => g.AtenaNumber).ToListAsync(ct));
        Assert.Empty(await care.Where(g => RecordJson.Text(g.Values, "missing") != null).ToListAsync(ct));
    }

    [Fact]
    public async Task RecordKindIndexes_MadeForIndexedFields_AndDroppedWhenNoLongerIndexed()
    {
        var ct = TestContext.Current.CancellationToken;
        var catalog = Hub.Adapters.Catalog.FieldCatalog.LoadDefault();

        var created = await RecordKindIndexes.EnsureAsync(Db.Factory, catalog, ct);
        var again = await RecordKindIndexes.EnsureAsync(Db.Factory, catalog, ct);

        // One per indexed field of every kind the default catalog declares as data (介護保険's 要介護度, 在留資格 …).
        var declared = catalog.GenericKinds.SelectMany(k => k.Indexed.Select(f => RecordKindIndexes.Name(k.Name, f))).Order(StringComparer.Ordinal).ToList();
        Assert.Contains(RecordKindIndexes.Name("longTermCare", "careLevel"), declared);
        Assert.Equal(declared, created.Order(StringComparer.Ordinal).ToList());
        Assert.Empty(again);
        await using (var ctx = Db.CreateContext())
        {
            // The index serves the very expression RecordJson translates to.
            ctx.GenericRecords.Add(Stamp(new GenericRecord { Kind = "longTermCare", AtenaNumber = "0000000019", Values = """{"careLevel":"要介護3"}""" }, "A", DateTime.UnixEpoch));
            await ctx.SaveChangesAsync(ct);
            Assert.Equal(1, await ctx.GenericRecords.CountAsync(g => g.Kind == "longTermCare" && g.SupersededAt == null && RecordJson.Text(g.Values, "careLevel") == "要介護3", ct));
        }
    }

    private static ResidentRecord NewResident(string atena, string name) =>
        Stamp(new ResidentRecord { AtenaNumber = atena, Name = name, NameSearchKey = name, ResidentKind = "日本人", Sex = "男", Status = "住民" }, atena, new DateTime(2025, 4, 1, 0, 0, 0, DateTimeKind.Utc));

    private static T Stamp<T>(T r, string key, DateTime at)
        where T : TemporalRecord
    {
        r.SourceSystem = "test";
        r.SourceKey = key;
        r.SourceTimestamp = at;
        r.IngestedAt = at;
        r.ValidFrom = at;
        r.RecordedAt = at;
        r.ContentHash = "h";
        return r;
    }
}
