using System.Globalization;
using Hub.Adapters.Domain.Identifiers;
using Hub.Adapters.Records;
using Hub.Adapters.ResidentRegistry;
using Hub.Adapters.Sdk;
using Hub.Data;
using Hub.Data.Providers;
using Hub.Sync.Running;
using Hub.Sync.Tests.Support;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Sync.Tests.Specification;

/// <summary>
/// SQLite's own store (prepared inserts with typed binders, staging table, set-based close and insert) against the
/// provider-neutral EF Core store it replaced: the same runs — first loads, repeated keys, rejected rows, identity
/// failures, re-exports with changes, 消除 (removals), unchanged rows, a fixed row, a household described twice — must
/// leave the same database, row for row.
/// </summary>
public sealed class SqliteTypedStoreDifferentialTests : IAsyncLifetime
{
    // Fractions of a second, so the stored text of every date and time shows its fractional part.
    private static readonly DateTimeOffset At = new DateTimeOffset(2025, 6, 1, 9, 0, 0, TimeSpan.FromHours(9)).AddTicks(1_234_500);
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-sqlite-diff-").FullName;
    private TestDatabase? _typed;
    private TestDatabase? _reference;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _typed = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _reference = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
    }

    public async ValueTask DisposeAsync()
    {
        await _typed!.DisposeAsync();
        await _reference!.DisposeAsync();
        Directory.Delete(_dir, recursive: true);
    }

    [Fact]
    public async Task SameRuns_ThroughTheTypedStoreAndTheReferenceStore_LeaveTheSameDatabase()
    {
        var typed = await RunScenarioAsync(_typed!, providerNeutral: false);
        var reference = await RunScenarioAsync(_reference!, providerNeutral: true);

        Assert.Equal(reference, typed);
        await using var a = _typed!.CreateContext();
        await using var b = _reference!.CreateContext();
        foreach (var (name, dump) in Tables())
        {
            var expected = await dump(b);
            Assert.NotEmpty(expected);
            Assert.True(expected.SequenceEqual(await dump(a)), $"{name} differs between the typed store and the reference store");
            // And as stored: the same storage class and the same bytes in every column (dates as the same text), since
            // SQL compares what is stored, not what EF Core reads back.
            var stored = await StoredAsync(b, name);
            Assert.NotEmpty(stored);
            Assert.Equal(stored, await StoredAsync(a, name));
        }
    }

    // Every column but the surrogate key as SQLite stores it: storage class and value, rows sorted.
    private static async Task<List<string>> StoredAsync(HubDbContext context, string table)
    {
        var connection = context.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\"";
        await using var reader = await command.ExecuteReaderAsync(Ct);
        var rows = new List<string>();
        while (await reader.ReadAsync(Ct))
        {
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Where(i => reader.GetName(i) != "id").Select(i => reader.GetValue(i) switch
            {
                DBNull => "null",
                byte[] bytes => "blob:" + Convert.ToHexString(bytes),
                string text => "text:" + text,
                long n => "integer:" + n.ToString(CultureInfo.InvariantCulture),
                double d => "real:" + d.ToString("R", CultureInfo.InvariantCulture),
                var v => v.GetType().Name + ":" + v,
            })));
        }

        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private async Task<List<string>> RunScenarioAsync(TestDatabase db, bool providerNeutral)
    {
        var runner = new SyncRunner(db.Factory, new SteppingClock(), NullLogger<SyncRunner>.Instance) { UseProviderNeutralStore = providerNeutral };
        var summaries = new List<string>();
        // The same file name in both (quarantine locations name it).
        var file = Path.Combine(Directory.CreateDirectory(Path.Combine(_dir, providerNeutral ? "reference" : "typed")).FullName, "residents.csv");

        // 1. First export: 30 people in 10 households, a malformed row, a repeated key, a bad check digit, and a
        //    second head for household 1 near the end (the household is described twice in one run).
        var first = new ResidentExport();
        for (var i = 1; i <= 30; i++)
        {
            first.Person(i, ((i - 1) / 3) + 1, (i - 1) % 3 == 0 ? "世帯主" : "子", (((i - 1) / 3) * 3) + 1, tweak: r => r["address_supplement"] = $"{i}号室");
            if (i == 10)
            {
                first.Raw("not,a,valid,row");
                first.Person(5, 2, "子", 4, tweak: r => r["address"] = "repeated key");
            }
        }

        first.Person(31, 1, "世帯主", 31, name: "山田　別人", tweak: r => r["atena_number"] = r["atena_number"][..^1] + (r["atena_number"][^1] == '0' ? '1' : '0'));
        first.Person(32, 1, "世帯主", 32, name: "佐藤　花子");
        summaries.Add(await RegistryAsync(runner, first, file, batch: 7));

        // 2. Tax: known residents, an unknown one, a contradicting My Number, a repeated key.
        var tax = Enumerable.Range(1, 20).Select(i => Tax(i, 2025, 3_000_000 + i)).Cast<CanonicalRecord>().ToList();
        tax.Add(Tax(99, 2025, 1));
        tax.Add(Tax(2, 2025, 5, myNumber: ResidentExport.MyNumberFor(7)));
        tax.Add(Tax(3, 2025, 3_000_003));
        summaries.Add(await ListAsync(runner, db, "resident-tax", tax, fresh: false));

        // 3. Re-export: changes, a removal, the bad check digit fixed (its quarantine entry resolves), a new person.
        var second = new ResidentExport();
        for (var i = 1; i <= 30; i++)
        {
            var n = i;
            second.Person(i, ((i - 1) / 3) + 1, (i - 1) % 3 == 0 ? "世帯主" : "子", (((i - 1) / 3) * 3) + 1, tweak: r =>
            {
                r["address_supplement"] = n % 4 == 0 ? $"{n}号室（転居）" : $"{n}号室";
                if (n == 9)
                {
                    r["status"] = "2";
                    r["change_reason"] = "死亡";
                    r["change_date"] = "2025-12-01";
                }
            });
        }

        second.Person(31, 1, "世帯主", 31, name: "山田　別人");
        second.Person(33, 11, "世帯主", 33, name: "新規　転入");
        summaries.Add(await RegistryAsync(runner, second, file, batch: 5));

        // 4. Tax re-read: some changed, others unchanged, a new year, and the formerly unknown one still unknown.
        var tax2 = Enumerable.Range(1, 20).Select(i => Tax(i, 2025, i % 3 == 0 ? 4_000_000 + i : 3_000_000 + i)).Cast<CanonicalRecord>().ToList();
        tax2.AddRange(Enumerable.Range(1, 5).Select(i => Tax(i, 2026, 2_000_000)));
        tax2.Add(Tax(99, 2025, 1));
        summaries.Add(await ListAsync(runner, db, "resident-tax", tax2, fresh: true));

        // 5. NHI and child allowance, loaded then changed.
        var nhi = Enumerable.Range(1, 6).Select(i => Nhi(i, lost: null)).Cast<CanonicalRecord>().ToList();
        summaries.Add(await ListAsync(runner, db, "nhi", nhi, fresh: false));
        summaries.Add(await ListAsync(runner, db, "nhi", [Nhi(2, lost: new DateOnly(2025, 10, 1)), Nhi(3, lost: null), Nhi(40, lost: null)], fresh: true));
        CanonicalRecord[] allowance = [Allowance("CA-1", 1, 2), Allowance("CA-2", 4, 42), Allowance("CA-3", 4, 5)];
        summaries.Add(await ListAsync(runner, db, "child-allowance", allowance, fresh: false));
        return summaries;
    }

    private static async Task<string> RegistryAsync(SyncRunner runner, ResidentExport export, string file, int batch)
    {
        if (File.Exists(file))
        {
            File.Delete(file);
        }

        export.WriteTo(file);
        File.SetLastWriteTimeUtc(file, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddMinutes(batch));
        var source = new SyncSource("resident-registry", "resident-registry", () => new ResidentRegistryCsvAdapter(new ResidentRegistryCsvOptions { FilePath = file, BatchSize = batch }));
        return Describe(await runner.RunAsync(source, null, Ct));
    }

    private static async Task<string> ListAsync(SyncRunner runner, TestDatabase db, string source, IReadOnlyList<CanonicalRecord> records, bool fresh)
    {
        if (fresh)
        {
            await using var ctx = db.CreateContext();
            await ctx.SourceWatermarks.Where(w => w.Source == source).ExecuteDeleteAsync(Ct);
        }

        return Describe(await runner.RunAsync(new SyncSource(source, source, () => new ListSourceAdapter(records, batchSize: 4)), null, Ct));
    }

    private static string Describe(SyncRunSummary s)
    {
        Assert.True(s.Succeeded, s.Error);
        return string.Create(CultureInfo.InvariantCulture, $"{s.Source} {s.Status} read {s.Read} inserted {s.Inserted} updated {s.Updated} unchanged {s.Unchanged} quarantined {s.Quarantined} mark {s.WatermarkAfter?.Split('|')[^1]}");
    }

    private static IEnumerable<(string Name, Func<HubDbContext, Task<List<string>>> Dump)> Tables() =>
    [
        ("residents", c => Dump(c.Residents)),
        ("households", c => Dump(c.Households)),
        ("tax_assessments", c => Dump(c.TaxAssessments)),
        ("nhi_qualifications", c => Dump(c.NhiQualifications)),
        ("child_allowance_entitlements", c => Dump(c.ChildAllowanceEntitlements)),
        ("quarantined_records", c => Dump(c.QuarantinedRecords)),
        ("sync_runs", c => Dump(c.SyncRuns)),
    ];

    // Every column but the surrogate key, in invariant text, sorted.
    private static async Task<List<string>> Dump<T>(DbSet<T> set)
        where T : class
    {
        var properties = typeof(T).GetProperties().Where(p => p.Name != "Id" && p.CanWrite).OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var rows = await set.AsNoTracking().ToListAsync(Ct);
        return rows
            .Select(r => string.Join('|', properties.Select(p => p.GetValue(r) switch
            {
                null => "∅",
                byte[] bytes => Convert.ToHexString(bytes),
                DateTime t => t.ToString("O", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                var v => v.ToString(),
            })))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static CanonicalTaxAssessment Tax(int atena, int year, long income, string? myNumber = null) => new()
    {
        AtenaNumber = AtenaNumber.Parse(ResidentExport.Atena(atena)),
        MyNumber = myNumber is null ? null : MyNumber.Parse(myNumber),
        FiscalYear = year,
        TaxableIncome = income,
        IncomeLevy = income / 10,
        PerCapitaLevy = 5_000,
        NonTaxable = false,
        SourceTimestamp = At,
    };

    private static CanonicalNhiQualification Nhi(int atena, DateOnly? lost) => new()
    {
        AtenaNumber = AtenaNumber.Parse(ResidentExport.Atena(atena)),
        AcquiredOn = new DateOnly(2020, 4, 1),
        LostOn = lost,
        LossReason = lost is null ? null : "社保加入",
        InsuredNumber = atena.ToString(CultureInfo.InvariantCulture),
        AcquisitionReason = "社保離脱",
        SourceTimestamp = At,
    };

    private static CanonicalChildAllowanceEntitlement Allowance(string id, int recipient, int child) => new()
    {
        EntitlementId = id,
        RecipientAtenaNumber = AtenaNumber.Parse(ResidentExport.Atena(recipient)),
        ChildAtenaNumber = AtenaNumber.Parse(ResidentExport.Atena(child)),
        CertifiedOn = new DateOnly(2024, 10, 1),
        MonthlyAmount = 15_000,
        Status = "支給中",
        SourceTimestamp = At,
    };

    // The same instants in both databases: each reading of the clock is a little over one second after the last.
    private sealed class SteppingClock : TimeProvider
    {
        private long _ticks = new DateTime(2026, 4, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;

        public override DateTimeOffset GetUtcNow() => new(Interlocked.Add(ref _ticks, TimeSpan.TicksPerSecond + 1_234_567), TimeSpan.Zero);
    }
}
