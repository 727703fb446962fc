using System.Text;
using Hub.Adapters;
using Hub.Adapters.ChildAllowance;
using Hub.Demo.City;
using Hub.Demo.Simulators;
using Hub.Adapters.Layouts;
using Hub.Adapters.Nhi;
using Hub.Adapters.ResidentRegistry;
using Hub.Data.Entities;
using Hub.Data.Providers;
using Hub.Sync.Running;
using Hub.Sync.Tests.Support;
using Hub.Testing.Databases;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Sync.Tests.Specification;

/// <summary>
/// Data quality at the door, on every provider: a NUL or a byte order mark inside a field is quarantined with
/// <c>file:line</c> and a reason naming the field (never its value) whatever the source kind — registry CSV, fixed-width
/// layout, NHI JSON, child allowance view — while a file's leading BOM is not; and a run that quarantines every row (a
/// CP932 export read as UTF-8) fails with a hint naming the encoding, keeps every row, and loads them once read again
/// with the right encoding.
/// </summary>
public abstract class DataQualitySpecification(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Secret = "秘密太郎"; // a value that must never appear in a reason
    private const string LegacyResidentExportPath = "resident-registry/residents-legacy.dat";
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-quality-").FullName;
    private TestDatabase? _db;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private TestDatabase Db => _db!;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        SqliteConnection.ClearAllPools();
        Directory.Delete(_dir, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task RegistryCsv_NulAndBomInsideFields_QuarantinedByFieldAndLine_TheFilesLeadingBomIsNot()
    {
        var file = new ResidentExport()
            .Person(1, 1, "世帯主", 1)
            .Person(2, 1, "妻", 1, name: "山田\0" + Secret)
            .Person(3, 1, "子", 1, tweak: r => r["address"] = "東京都\uFEFFみなと市" + Secret)
            .Person(4, 1, "子", 1)
            .WriteTo(Path.Combine(_dir, "residents.csv"));
        await File.WriteAllBytesAsync(file, [0xEF, 0xBB, 0xBF, .. await File.ReadAllBytesAsync(file, Ct)], Ct); // the file's own BOM

        var summary = await Runner().RunAsync(Registry(file), null, Ct);

        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal((4, 2, 2), (summary.Read, summary.Inserted, summary.Quarantined));
        var quarantined = await Quarantined();
        Assert.Equal(
            [("residents.csv:3", "resident.name: contains a NUL character (U+0000) at position 3"), ("residents.csv:4", "resident.address: contains a byte order mark (U+FEFF) at position 4")],
            quarantined.Select(q => (q.Location, q.Reason)));
        Assert.All(quarantined, q => Assert.DoesNotContain(Secret, q.Reason, StringComparison.Ordinal));
        Assert.Equal([ResidentExport.Atena(2), ResidentExport.Atena(3)], quarantined.Select(q => q.SourceKey));
    }

    [Fact]
    public async Task FixedWidthLayout_NulInsideAField_QuarantinedByFieldAndLine()
    {
        var city = DemoCity();
        var dat = Path.Combine(city, LegacyResidentExportPath);
        var bytes = await File.ReadAllBytesAsync(dat, Ct);
        bytes[83] = 0x00; // the last byte of record 1's name field (offset 44, 40 bytes): padding, now a NUL
        await File.WriteAllBytesAsync(dat, bytes, Ct);
        var source = new SyncSource("resident-registry-legacy", SourceSystems.ResidentRegistry, () => new LayoutFileAdapter(new LayoutFileOptions
        {
            LayoutPath = Path.Combine(city, "resident-registry", "resident-registry-legacy.layout.json"),
            DataPath = dat,
        }));

        var summary = await Runner().RunAsync(source, null, Ct);

        Assert.True(summary.Succeeded, summary.Error);
        var quarantined = await Quarantined("resident-registry-legacy");
        var nul = Assert.Single(quarantined, q => q.Reason.Contains("U+0000", StringComparison.Ordinal));
        Assert.Equal("residents-legacy.dat:1", nul.Location);
        Assert.Matches(@"^resident\.name: contains a NUL character \(U\+0000\) at position [0-9]+$", nul.Reason);
    }

    [Fact]
    public async Task NhiJson_EscapedNulInsideAField_QuarantinedByField()
    {
        var city = DemoCity();
        var registry = await Runner().RunAsync(Registry(Path.Combine(city, "resident-registry", "residents.csv")), null, Ct);
        Assert.True(registry.Succeeded, registry.Error);
        var ndjson = Path.Combine(city, "nhi", "insured.ndjson");
        var lines = await File.ReadAllLinesAsync(ndjson, Ct);
        var at = Array.FindIndex(lines, l => l.Contains("\"insuredSymbol\":\"", StringComparison.Ordinal));
        lines[at] = lines[at].Replace("\"insuredSymbol\":\"", "\"insuredSymbol\":\"\\u0000", StringComparison.Ordinal); // JSON's escaped NUL
        await File.WriteAllLinesAsync(ndjson, lines, Ct);
        var source = new SyncSource("nhi", SourceSystems.Nhi, () => new NhiApiAdapter(new NhiApiOptions
        {
            BaseAddress = new Uri("http://nhi.demo.invalid/"),
            CreateHandler = () => NhiApiSimulator.FromDemo(ndjson),
        }));

        var summary = await Runner().RunAsync(source, null, Ct);

        Assert.True(summary.Succeeded, summary.Error);
        var nul = Assert.Single(await Quarantined("nhi"), q => q.Reason.Contains("U+0000", StringComparison.Ordinal));
        Assert.Equal("nhi.insuredSymbol: contains a NUL character (U+0000) at position 1", nul.Reason);
        Assert.StartsWith("nhi/v1/insured page ", nul.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChildAllowanceView_BomInsideAField_QuarantinedByFieldAndRow()
    {
        var city = DemoCity();
        var registry = await Runner().RunAsync(Registry(Path.Combine(city, "resident-registry", "residents.csv")), null, Ct);
        Assert.True(registry.Succeeded, registry.Error);
        var db = Path.Combine(city, "child-allowance", "entitlements.db");
        string id;
        await using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE entitlements SET status = status || char(65279) WHERE rowid = (SELECT MIN(rowid) FROM entitlements) RETURNING entitlement_id";
            id = (string)(await command.ExecuteScalarAsync(Ct))!;
        }

        var source = new SyncSource("child-allowance", SourceSystems.ChildAllowance, () => new ChildAllowanceViewAdapter(new ChildAllowanceViewOptions
        {
            Provider = "sqlite",
            ConnectionString = $"Data Source={db};Mode=ReadOnly;Pooling=False",
        }));

        var summary = await Runner().RunAsync(source, null, Ct);

        Assert.True(summary.Succeeded, summary.Error);
        var bom = Assert.Single(await Quarantined("child-allowance"), q => q.Reason.Contains("U+FEFF", StringComparison.Ordinal));
        Assert.Equal(("v_child_allowance_entitlements:" + id, "childAllowance.status: contains a byte order mark (U+FEFF) at position 2"), (bom.Location, bom.Reason));
    }

    [Fact]
    public async Task Cp932FileReadAsUtf8_RunFailsWithTheEncodingHint_RowsKept_ReadAgainAsCp932TheyLoad()
    {
        var export = new ResidentExport()
            .Person(1, 1, "世帯主", 1, name: "渡辺　健一")
            .Person(2, 1, "妻", 1, name: "渡辺　美咲")
            .Person(3, 1, "子", 1, name: "渡辺　翔太", birth: "平成27年5月5日");
        var utf8 = export.WriteTo(Path.Combine(_dir, "utf8.csv"));
        var file = Path.Combine(_dir, "residents.csv");
        await File.WriteAllBytesAsync(file, TextEncodings.Get("cp932")!.GetBytes(await File.ReadAllTextAsync(utf8, Ct)), Ct); // a real Shift_JIS export

        var failed = await Runner().RunAsync(Registry(file), null, Ct);

        Assert.False(failed.Succeeded);
        Assert.Equal(SyncRunStatus.Failed, failed.Status);
        Assert.Equal((3, 0, 3), (failed.Read, failed.Inserted, failed.Quarantined));
        Assert.Contains("every row read (3) was quarantined and nothing was loaded", failed.Error, StringComparison.Ordinal);
        Assert.Contains("the file looks like CP932 (Shift_JIS); set its encoding to cp932 in the layout", failed.Error, StringComparison.Ordinal);
        Assert.Contains("hub sync run --source resident-registry --from-start", failed.Error, StringComparison.Ordinal);
        await using (var ctx = Db.CreateContext())
        {
            var run = await ctx.SyncRuns.SingleAsync(r => r.Id == failed.RunId, Ct);
            Assert.Equal((SyncRunStatus.Failed, failed.Error), (run.Status, run.Error));
        }

        var kept = await Quarantined();
        Assert.Equal(["residents.csv:2", "residents.csv:3", "residents.csv:4"], kept.Select(q => q.Location));
        Assert.All(kept, q => Assert.Equal("row is not valid UTF-8", q.Reason));
        byte[] stored = [.. Header(file), .. kept.SelectMany(q => q.RawBytes.Append((byte)'\n'))];
        Assert.Equal(await File.ReadAllBytesAsync(file, Ct), stored); // nothing lost

        var again = await Runner().RunFromStartAsync(Registry(file, "cp932"), null, Ct);

        Assert.True(again.Succeeded, again.Error);
        Assert.Equal((3, 3, 0), (again.Read, again.Inserted, again.Quarantined));
        await using (var ctx = Db.CreateContext())
        {
            Assert.Equal(["渡辺　健一", "渡辺　美咲", "渡辺　翔太"], await ctx.Residents.OrderBy(r => r.AtenaNumber).Select(r => r.Name).ToListAsync(Ct));
            Assert.False(await ctx.QuarantinedRecords.AnyAsync(q => q.ResolvedAt == null, Ct)); // closed by the rows that loaded
        }
    }

    [Fact]
    public async Task Run_SomeRowsLoad_IsNotFailedForItsQuarantine()
    {
        var file = new ResidentExport()
            .Person(1, 1, "世帯主", 1)
            .Raw("not,a,row")
            .WriteTo(Path.Combine(_dir, "residents.csv"));

        var summary = await Runner().RunAsync(Registry(file), null, Ct);

        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal((2, 1, 1), (summary.Read, summary.Inserted, summary.Quarantined));
    }

    private static byte[] Header(string file)
    {
        var bytes = File.ReadAllBytes(file);
        return bytes[..(Array.IndexOf(bytes, (byte)'\n') + 1)];
    }

    private string DemoCity()
    {
        var city = Path.Combine(_dir, "city");
        DemoCityGenerator.Generate(new DemoCityOptions { Residents = 1_000, Seed = 7 }, city);
        return city;
    }

    private SyncRunner Runner() => new(Db.Factory, TimeProvider.System, NullLogger<SyncRunner>.Instance);

    private static SyncSource Registry(string file, string encoding = "utf-8") =>
        new("resident-registry", SourceSystems.ResidentRegistry, () => new ResidentRegistryCsvAdapter(new ResidentRegistryCsvOptions { FilePath = file, Encoding = encoding }));

    private async Task<List<QuarantinedRecord>> Quarantined(string source = "resident-registry")
    {
        await using var ctx = Db.CreateContext();
        return await ctx.QuarantinedRecords.Where(q => q.Source == source).OrderBy(q => q.Id).ToListAsync(Ct);
    }
}

public sealed class SqliteDataQualityTests() : DataQualitySpecification(DatabaseProvider.Sqlite);

public sealed class PostgreSqlDataQualityTests() : DataQualitySpecification(DatabaseProvider.PostgreSql);
