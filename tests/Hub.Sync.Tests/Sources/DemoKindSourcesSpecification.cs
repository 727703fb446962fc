using System.Runtime.Loader;
using System.Text;
using Hub.Data.Providers;
using Hub.Sync.Plugins;
using Hub.Sync.Running;
using Hub.Sync.Sources;
using Hub.Testing.Databases;
using Hub.Testing.Demo;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Hub.Sync.Tests.Sources;

/// <summary>
/// The demo city's two sources of kinds declared as data, as configuration declares them (<c>DemoCitySources</c>), per
/// provider: 介護保険 through a layout file (CP932, 和暦, a code table) whose bad rows are quarantined with file:line and the
/// field, never the value; 後期高齢者医療 through the sample adapter assembly, loaded from the plug-in folder the build fills
/// (the real <c>Hub.Samples.LateElderly.dll</c>, in a load context of its own).
/// </summary>
public abstract class DemoKindSourcesSpecification(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly Encoding Cp932 = CodePages();

    private readonly DemoSource _city = new(residents: 1_000);
    private TestDatabase? _db;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _db = await TestDatabase.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        if (_db is not null)
        {
            await _db.DisposeAsync();
        }

        _city.Dispose();
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task LongTermCareLayout_BadRows_QuarantinedWithFileLineAndField_TheRestStoredAsGenericRecords()
    {
        var sources = DemoSources.For(_city.Root);
        await RegistryAsync(sources);
        var path = _city.PathOf("long-term-care/certifications.csv");
        var lines = File.ReadAllLines(path, Cp932);
        Assert.True(lines.Length > 10, "too few certifications to corrupt");
        lines[1] = Cell(lines[1], 2, "99");                  // 要介護状態区分コード not in the code table
        lines[2] = Cell(lines[2], 3, "令和6年2月30日");        // not a calendar date
        lines[3] = Cell(lines[3], 1, "ab12");               // 被保険者番号 against the catalog's pattern
        File.WriteAllText(path, string.Join("\r\n", lines) + "\r\n", Cp932);

        var summary = await Runner().RunAsync(sources.Get("long-term-care"), null, Ct);

        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal((lines.Length - 1, lines.Length - 4, 3L), (summary.Read, summary.Inserted, summary.Quarantined));
        await using var db = _db!.CreateContext();
        var quarantined = await db.QuarantinedRecords.Where(q => q.Source == "long-term-care").OrderBy(q => q.Location).ToListAsync(Ct);
        Assert.Equal(
            [
                ("certifications.csv:2", "careLevel: code not in the layout's code table"),
                ("certifications.csv:3", "validFrom: not a calendar date in the form 'wareki'"),
                ("certifications.csv:4", "insuredNumber: does not match the field's pattern"),
            ],
            quarantined.Select(q => (q.Location, q.Reason)));
        Assert.All(quarantined, q => Assert.DoesNotContain("ab12", q.Reason, StringComparison.Ordinal));
        Assert.Equal(lines.Length - 4, await db.GenericRecords.CountAsync(g => g.Kind == "longTermCare" && g.SourceSystem == "long-term-care", Ct));
        var stored = await db.GenericRecords.Where(g => g.Kind == "longTermCare").OrderBy(g => g.Id).FirstAsync(Ct);
        using var values = System.Text.Json.JsonDocument.Parse(stored.Values);
        var validFrom = values.RootElement.GetProperty("validFrom").GetString(); // 和暦 read into the catalog's date
        Assert.True(DateOnly.TryParseExact(validFrom, "yyyy-MM-dd", out _), validFrom);
    }

    [Fact]
    public async Task LateElderlyAssembly_RunsFromTheBuiltDllInThePluginFolder_InAContextOfItsOwn()
    {
        var sources = DemoSources.For(_city.Root);
        await RegistryAsync(sources);
        var path = _city.PathOf("late-elderly/qualifications.csv");
        var lines = File.ReadAllLines(path);
        var cells = lines[1].Split(',');
        cells[1] = cells[1][..7];
        lines[1] = string.Join(',', cells);
        File.WriteAllLines(path, lines);

        var declared = sources.Declared.Single(d => d.Name == "late-elderly");
        var plugin = ((PluginAdapter)declared.CreateAdapter()).PluginType;
        var summary = await Runner().RunAsync(sources.Get("late-elderly"), null, Ct);

        Assert.Equal(Path.Combine(AppContext.BaseDirectory, "plugins", "Hub.Samples.LateElderly.dll"), plugin.Assembly.Location);
        Assert.NotSame(AssemblyLoadContext.Default, AssemblyLoadContext.GetLoadContext(plugin.Assembly));
        Assert.True(summary.Succeeded, summary.Error);
        Assert.Equal((lines.Length - 1, lines.Length - 2, 1L), (summary.Read, summary.Inserted, summary.Quarantined));
        await using var db = _db!.CreateContext();
        var bad = await db.QuarantinedRecords.SingleAsync(q => q.Source == "late-elderly", Ct);
        Assert.Equal(("qualifications.csv:2", "insured_number: not 8 digits"), (bad.Location, bad.Reason));
        Assert.Equal(lines.Length - 2, await db.GenericRecords.CountAsync(g => g.Kind == "lateElderly", Ct));
    }

    private async Task RegistryAsync(ConfiguredSources sources)
    {
        var registry = await Runner().RunAsync(sources.Get("resident-registry"), null, Ct);
        Assert.True(registry.Succeeded, registry.Error);
    }

    private SyncRunner Runner() => new(_db!.Factory, TimeProvider.System, NullLogger<SyncRunner>.Instance);

    private static string Cell(string line, int index, string value)
    {
        var cells = line.Split(',');
        cells[index] = value;
        return string.Join(',', cells);
    }

    private static Encoding CodePages()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(932);
    }
}

public sealed class SqliteDemoKindSourcesTests() : DemoKindSourcesSpecification(DatabaseProvider.Sqlite);

public sealed class PostgreSqlDemoKindSourcesTests() : DemoKindSourcesSpecification(DatabaseProvider.PostgreSql);
