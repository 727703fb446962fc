using System.Text;
using System.Text.Json;
using Hub.Adapters.Catalog;
using Hub.Api.Exports;
using Hub.Capabilities.PushTargets.Exports;
using Hub.Capabilities.PushTargets;
using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;
using Hub.Policy.Enforcement;
using Hub.Policy.Masks;

namespace Hub.Api.Tests.PushTargets;

/// <summary>
/// Exports, per provider: the file equals the paged result row for row, carries only the fields the task may
/// <c>extract</c>, and leaves exactly one access record that names every resident in it — before any byte.
/// </summary>
public abstract class PushTargetExportSpecification(GeneratedCities cities)
{
    private static readonly FieldMaskCache Masks = CreateMasks();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(PushTargetExportFormat.Csv)]
    [InlineData(PushTargetExportFormat.Ndjson)]
    public async Task Export_UnclaimedChildAllowance_EqualsPagesAndNamesEveryoneInOneRecord(PushTargetExportFormat format)
    {
        for (var city = 0; city < GeneratedCities.Shapes.Length; city++)
        {
            var (exporter, writer, query) = Create(city);
            var definition = Definition("child-allowance-unclaimed");
            var paged = await AllPages(query, definition);
            using var output = new MemoryStream();

            var result = await exporter.ExportAsync(definition, Masks.Get("demo-planner", "child-allowance"), Context("demo-planner", "child-allowance"), output, format, GeneratedCities.CityAsOf, Ct);

            var lines = Encoding.UTF8.GetString(output.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var exported = format == PushTargetExportFormat.Csv
                ? lines.Skip(1).Select(l => l.Split(',')[0]).ToList()
                : lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("atenaNumber").GetString()!).ToList();
            Assert.Equal(paged, exported);
            Assert.Equal(paged.Count, result.Rows);
            var (context, entry) = Assert.Single(writer.Appended);
            Assert.Equal(paged, entry.Subjects);
            Assert.Equal("purpose: 児童手当の勧奨", context.Purpose);
            Assert.False(entry.MyNumberUsed);
            Assert.DoesNotContain("resident.myNumber", entry.Paths);
            if (format == PushTargetExportFormat.Csv)
            {
                Assert.Equal("atena_number,household_number,name,name_kana,sex,birth_date,relationship,postal_code,area_code,address,address_supplement,age_uncertain", lines[0]);
            }
        }
    }

    [Fact]
    public async Task Export_TaskWithoutExtract_IsForbiddenAndRecordsNothing()
    {
        var (exporter, writer, _) = Create(0);
        using var output = new MemoryStream();

        // The clerk may read in child-allowance but not extract; the planner may not extract under another task.
        await Assert.ThrowsAsync<PushTargetExportForbiddenException>(() => exporter.ExportAsync(Definition("child-allowance-unclaimed"), Masks.Get("demo-child-clerk", "child-allowance"), Context("demo-child-clerk", "child-allowance"), output, PushTargetExportFormat.Csv, null, Ct));
        await Assert.ThrowsAsync<PushTargetExportForbiddenException>(() => exporter.ExportAsync(Definition("child-allowance-unclaimed"), Masks.Get("demo-planner", "nhi"), Context("demo-planner", "nhi"), output, PushTargetExportFormat.Csv, null, Ct));

        Assert.Empty(writer.Appended);
        Assert.Equal(0, output.Length);
    }

    private static PushTargetDefinition Definition(string id) => PushTargetDefinitionReader.LoadDirectory(SchemaDirectory.Find("push-targets"))[id];

    private static HubRequestContext Context(string user, string task) => new(task, "purpose: 児童手当の勧奨", "case-1", user, [], null, "test");

    private static FieldMaskCache CreateMasks()
    {
        var cache = new FieldMaskCache(FieldCatalog.LoadDefault().Fields.Select(f => f.Path));
        var policy = SchemaDirectory.Find("policy");
        cache.Publish("test", Enforcer.FromFiles(Path.Combine(policy, "model.conf"), Path.Combine(policy, "policy.csv")));
        return cache;
    }

    private static async Task<List<string>> AllPages(PushTargetQuery query, PushTargetDefinition definition)
    {
        var atenas = new List<string>();
        string? after = null;
        PushTargetPage page;
        do
        {
            page = await query.PageAsync(definition.Criteria, GeneratedCities.CityAsOf, 13, after, Ct);
            atenas.AddRange(page.Rows.Select(r => r.AtenaNumber));
            after = page.EndCursor;
        }
        while (page.HasNextPage);
        return atenas;
    }

    private (PushTargetExporter, CapturingAccessRecordWriter, PushTargetQuery) Create(int city)
    {
        var query = new PushTargetQuery(cities.Databases[city].Factory, TimeProvider.System);
        var writer = new CapturingAccessRecordWriter();
        return (new PushTargetExporter(query, writer), writer, query);
    }
}

[Collection(nameof(SqliteCities))]
public sealed class SqlitePushTargetExportTests(SqliteCities cities) : PushTargetExportSpecification(cities);

[Collection(nameof(PostgreSqlCities))]
public sealed class PostgreSqlPushTargetExportTests(PostgreSqlCities cities) : PushTargetExportSpecification(cities);
