using System.Text;
using Hub.Adapters.Domain.Identifiers;
using Hub.Data.Providers;
using Hub.Data.Queries;
using Hub.Sync.Running;
using Hub.Sync.Sources;
using Hub.Testing.Databases;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Sync.Tests.Sources;

/// <summary>
/// A layout file is a whole source with no code: a CP932 fixed-width export with 和暦 (era-coded) birth dates and a vendor
/// 外字 table, declared as a source of kind <c>layout</c>, syncs into the database, its bad rows quarantined with file:line
/// and the reason naming the field.
/// </summary>
public abstract class LayoutSourceSpecification(DatabaseProvider provider) : IAsyncLifetime
{
    /// <summary>A vendor's 住民記録 export: 54 bytes a record, CP932, era-coded birth dates, 外字 mapped through gaiji.csv.</summary>
    public const string ResidentLayout = """
        {
          "name": "vendor-registry",
          "recordKind": "resident",
          "format": "fixed-width",
          "encoding": "cp932",
          "recordLength": 54,
          "lineEnd": "crlf",
          "filePattern": "*.dat",
          "gaijiTable": "gaiji.csv",
          "codeTables": { "sex": { "1": "男", "2": "女" }, "status": { "1": "false", "2": "true" } },
          "fields": [
            { "field": "atenaNumber", "offset": 0, "length": 10 },
            { "field": "residentKind", "offset": 10, "length": 1 },
            { "field": "name", "offset": 11, "length": 20 },
            { "field": "sex", "offset": 31, "length": 1, "codes": "sex" },
            { "field": "birthDate", "offset": 32, "length": 7, "form": "era-code" },
            { "field": "isRemoved", "offset": 39, "length": 1, "codes": "status" },
            { "field": "sourceTimestamp", "offset": 40, "length": 14, "form": "yyyymmddhhmmss" }
          ]
        }
        """;

    private static readonly Encoding Cp932 = CodePagesEncoding();

    private readonly string _dir = Directory.CreateTempSubdirectory("hub-layout-source-").FullName;
    private TestDatabase? _db;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

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
    public async Task LayoutSource_Cp932FixedWidthWithEraDatesAndGaiji_SyncsAndQuarantinesBadRowsWithFileAndLine()
    {
        var layout = Path.Combine(_dir, "vendor-registry.layout.json");
        File.WriteAllText(layout, ResidentLayout);
        var export = Path.Combine(_dir, "export");
        Directory.CreateDirectory(export);
        File.WriteAllText(Path.Combine(export, "gaiji.csv"), "code,target\n0xF040,𠮷\n");
        var badAtena = AtenaNumber.FromSerial(3).Value[..9] + ((AtenaNumber.FromSerial(3).Value[9] - '0' + 1) % 10);
        using (var file = File.Create(Path.Combine(export, "residents.dat")))
        {
            Write(file, AtenaNumber.FromSerial(1).Value, "1", Cp932.GetBytes("山田　太郎"), "1", "3450312", "1");
            Write(file, AtenaNumber.FromSerial(2).Value, "1", [0xF0, 0x40, .. Cp932.GetBytes("田　花子")], "2", "4030229", "1");
            Write(file, badAtena, "1", Cp932.GetBytes("鈴木　一郎"), "1", "5010501", "1");
            Write(file, AtenaNumber.FromSerial(4).Value, "1", Cp932.GetBytes("佐藤　次郎"), "7", "3450312", "1");
        }

        var sources = ConfiguredSources.Load(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Hub:Sources:vendor-registry:Kind"] = "layout",
            ["Hub:Sources:vendor-registry:Layout"] = layout,
            ["Hub:Sources:vendor-registry:Options:DataPath"] = export,
        }).Build());

        var summary = await new SyncRunner(_db!.Factory, TimeProvider.System, NullLogger<SyncRunner>.Instance).RunAsync(sources.Get("vendor-registry"), null, Ct);

        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal((4, 2, 2), (summary.Read, summary.Inserted, summary.Quarantined));
        await using var db = _db.CreateContext();
        var residents = await db.Residents.Latest().OrderBy(r => r.AtenaNumber).ToListAsync(Ct);
        Assert.Equal(["山田　太郎", "𠮷田　花子"], residents.Select(r => r.Name));
        Assert.Equal(new DateOnly(1970, 3, 12), residents[0].BirthDateEarliest);
        Assert.False(residents[1].BirthDateOnCalendar); // 平成3年2月29日 is kept as written
        var quarantined = await db.QuarantinedRecords.OrderBy(q => q.Location).ToListAsync(Ct);
        Assert.Equal(["residents.dat:3", "residents.dat:4"], quarantined.Select(q => q.Location));
        Assert.StartsWith("atenaNumber", quarantined[0].Reason, StringComparison.Ordinal);
        Assert.Equal("sex: code not in the layout's code table", quarantined[1].Reason);
        Assert.Equal(54, quarantined[1].RawBytes.Length);
    }

    private static void Write(Stream file, string atena, string kind, byte[] name, string sex, string birth, string status)
    {
        var record = new byte[54];
        Array.Fill(record, (byte)' ');
        Encoding.ASCII.GetBytes(atena).CopyTo(record, 0);
        Encoding.ASCII.GetBytes(kind).CopyTo(record, 10);
        name.CopyTo(record, 11);
        Encoding.ASCII.GetBytes(sex).CopyTo(record, 31);
        Encoding.ASCII.GetBytes(birth).CopyTo(record, 32);
        Encoding.ASCII.GetBytes(status).CopyTo(record, 39);
        Encoding.ASCII.GetBytes("20260401090000").CopyTo(record, 40);
        file.Write(record);
        file.Write("\r\n"u8);
    }

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932);
    }
}

public sealed class SqliteLayoutSourceTests() : LayoutSourceSpecification(DatabaseProvider.Sqlite);

public sealed class PostgreSqlLayoutSourceTests() : LayoutSourceSpecification(DatabaseProvider.PostgreSql);
