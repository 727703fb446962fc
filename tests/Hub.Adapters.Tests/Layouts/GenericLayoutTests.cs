using System.Text;
using Hub.Adapters.Catalog;
using Hub.Adapters.Layouts;
using Hub.Adapters.Records;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Tests.Layouts;

/// <summary>
/// A layout file feeds a kind declared as data: its columns map to the kind's catalog fields, typed by the catalog (dates in
/// the field's form, 和暦 included; integers; booleans; enums checked against the allowed values), and it yields
/// <see cref="CanonicalGenericRecord"/>s keyed as the kind says. A row that does not fit is rejected naming file:line and
/// the field, never the value; a layout that names a field the kind lacks, or leaves a required one out, is refused.
/// </summary>
public sealed class GenericLayoutTests : IDisposable
{
    // A kind with every type a kind declared as data may have: string (closed and patterned), integer, boolean, date.
    private const string ServiceKind = """
        {
          "$schema": "https://json-schema.org/draft/2020-12/schema",
          "title": "障害福祉サービス 支給決定",
          "type": "object",
          "x-hub-record": "disabilityService",
          "x-hub-label": "障害福祉サービス 支給決定",
          "x-hub-key": ["recipientNumber", "decidedOn"],
          "x-hub-subject": "atenaNumber",
          "additionalProperties": false,
          "required": ["atenaNumber", "recipientNumber", "decidedOn", "days", "homeCare"],
          "properties": {
            "atenaNumber": { "type": "string", "pattern": "^[0-9]{1,15}$", "title": "宛名番号", "x-hub-path": "disabilityService.atenaNumber", "x-hub-label": "宛名番号", "x-hub-classification": "識別子", "x-hub-standard": { "specification": "障害者福祉システム標準仕様書", "item": "宛名番号" } },
            "recipientNumber": { "type": "string", "pattern": "^[0-9]{10}$", "title": "受給者証番号", "x-hub-path": "disabilityService.recipientNumber", "x-hub-label": "受給者証番号", "x-hub-classification": "福祉", "x-hub-standard": { "specification": "障害者福祉システム標準仕様書", "item": "受給者証番号" } },
            "supportLevel": { "type": ["string", "null"], "enum": ["区分1", "区分2", "区分3", "区分4", "区分5", "区分6", null], "title": "障害支援区分", "x-hub-path": "disabilityService.supportLevel", "x-hub-label": "障害支援区分", "x-hub-classification": "福祉", "x-hub-standard": { "specification": "障害者福祉システム標準仕様書", "item": "障害支援区分" } },
            "decidedOn": { "type": "string", "format": "date", "title": "支給決定日", "x-hub-path": "disabilityService.decidedOn", "x-hub-label": "支給決定日", "x-hub-classification": "福祉", "x-hub-standard": { "specification": "障害者福祉システム標準仕様書", "item": "支給決定年月日" } },
            "days": { "type": "integer", "title": "支給量（日数）", "x-hub-path": "disabilityService.days", "x-hub-label": "支給量（日数）", "x-hub-classification": "福祉", "x-hub-standard": { "specification": "障害者福祉システム標準仕様書", "item": "支給量" } },
            "provider": { "type": ["string", "null"], "maxLength": 20, "title": "事業所名", "x-hub-path": "disabilityService.provider", "x-hub-label": "事業所名", "x-hub-classification": "福祉", "x-hub-standard": { "specification": "障害者福祉システム標準仕様書", "item": "事業所名" } },
            "homeCare": { "type": "boolean", "title": "居宅介護", "x-hub-path": "disabilityService.homeCare", "x-hub-label": "居宅介護", "x-hub-classification": "福祉", "x-hub-standard": { "specification": "障害者福祉システム標準仕様書", "item": "居宅介護" } }
          }
        }
        """;

    private const string Layout = """
        {
          "name": "vendor-disability",
          "recordKind": "disabilityService",
          "format": "csv",
          "encoding": "cp932",
          "header": false,
          "codeTables": { "level": { "1": "区分1", "2": "区分2", "3": "区分3", "7": "区分7" } },
          "fields": [
            { "field": "atenaNumber", "index": 1 },
            { "field": "recipientNumber", "index": 2 },
            { "field": "supportLevel", "index": 3, "codes": "level" },
            { "field": "decidedOn", "index": 4, "form": "wareki" },
            { "field": "days", "index": 5 },
            { "field": "homeCare", "index": 6 },
            { "field": "sourceTimestamp", "index": 7, "form": "yyyymmddhhmmss" }
          ]
        }
        """;

    private static readonly Encoding Cp932 = TextEncodings.Get("cp932")!;

    private readonly string _dir = Directory.CreateTempSubdirectory("hub-generic-layout-").FullName;
    private readonly FieldCatalog _catalog;

    public GenericLayoutTests()
    {
        var records = Path.Combine(_dir, "records");
        Directory.CreateDirectory(records);
        foreach (var file in Directory.GetFiles(SchemaDirectory.Find("records"), "*.schema.json"))
        {
            File.Copy(file, Path.Combine(records, Path.GetFileName(file)));
        }

        File.WriteAllText(Path.Combine(records, "disability-service.schema.json"), ServiceKind);
        _catalog = FieldCatalog.Load(records);
    }

    [Fact]
    public async Task Read_Cp932CsvWithWarekiIntegerBooleanAndCodes_YieldsTypedGenericRecordsKeyedByTheKind()
    {
        var items = await ReadAsync(
            "1000000019,0000012345,2,令和6年4月1日,23,1,20240401090000",
            "1000000027,0000012346,,平成31年4月30日,0,0,20240402100000");

        var records = items.Select(i => Assert.IsType<CanonicalGenericRecord>(i.Record)).ToList();
        Assert.Equal(["0000012345|2024-04-01", "0000012346|2019-04-30"], records.Select(r => r.Key));
        Assert.All(records, r => Assert.Equal("disabilityService", r.Kind));
        Assert.Equal(new DateOnly(2024, 4, 1), records[0].Values["decidedOn"]);
        Assert.Equal(23L, records[0].Values["days"]);
        Assert.Equal(true, records[0].Values["homeCare"]);
        Assert.Equal("区分2", records[0].Values["supportLevel"]);
        Assert.False(records[1].Values.ContainsKey("supportLevel")); // empty: absent
        Assert.Equal(new DateTimeOffset(2024, 4, 2, 10, 0, 0, TimeSpan.FromHours(9)), records[1].SourceTimestamp);
        Assert.Equal(["data.csv:1", "data.csv:2"], items.Select(i => i.Location));
    }

    [Fact]
    public async Task Read_Cp932FixedWidthWithEraCodeDatesAndGaiji_MapsTheVendorsCharacterInATextField()
    {
        const string fixedWidth = """
            {
              "name": "vendor-disability-legacy",
              "recordKind": "disabilityService",
              "format": "fixed-width",
              "encoding": "cp932",
              "recordLength": 59,
              "filePattern": "*.dat",
              "gaijiTable": "gaiji.csv",
              "fields": [
                { "field": "atenaNumber", "offset": 0, "length": 10 },
                { "field": "recipientNumber", "offset": 10, "length": 10 },
                { "field": "decidedOn", "offset": 20, "length": 7, "form": "era-code" },
                { "field": "days", "offset": 27, "length": 3 },
                { "field": "homeCare", "offset": 30, "length": 1 },
                { "field": "provider", "offset": 31, "length": 14 },
                { "field": "sourceTimestamp", "offset": 45, "length": 14, "form": "yyyymmddhhmmss" }
              ]
            }
            """;
        var export = Path.Combine(_dir, "export");
        Directory.CreateDirectory(export);
        await File.WriteAllTextAsync(Path.Combine(export, "gaiji.csv"), "code,target\n0xF040,髙\n", TestContext.Current.CancellationToken);
        byte[] record = [.. "1000000019"u8, .. "0000012345"u8, .. "5060401"u8, .. "  1"u8, .. "1"u8, 0xF0, 0x40, .. Cp932.GetBytes("田ケア　"), .. "    "u8, .. "20240401090000"u8, .. "\r\n"u8];
        Assert.Equal(61, record.Length);
        await File.WriteAllBytesAsync(Path.Combine(export, "d.dat"), record, TestContext.Current.CancellationToken);
        var adapter = new LayoutFileAdapter(new LayoutFileOptions { Layout = LayoutLoader.Parse(fixedWidth, "f.layout.json", _catalog), Catalog = _catalog, DataPath = export, });

        var items = new List<SourceItem>();
        await foreach (var batch in adapter.ReadSnapshotAsync(TestContext.Current.CancellationToken))
        {
            items.AddRange(batch.Items);
        }

        var generic = Assert.IsType<CanonicalGenericRecord>(Assert.Single(items).Record);
        Assert.Equal("髙田ケア", generic.Values["provider"]);
        Assert.Equal(new DateOnly(2024, 4, 1), generic.Values["decidedOn"]);
        Assert.Equal(1L, generic.Values["days"]);
    }

    [Fact]
    public async Task Read_RowsThatDoNotFit_RejectedWithFileLineAndTheField_NeverTheValue()
    {
        var items = await ReadAsync(
            "1000000019,0000012345,9,令和6年4月1日,23,1,20240401090000",  // code not in the table
            "1000000019,0000012345,7,令和6年4月1日,23,1,20240401090000",  // coded, but not an allowed value of the kind
            "1000000019,0000012345,1,令和6年2月30日,23,1,20240401090000", // off the calendar
            "1000000019,0000012345,1,令和6年4月1日,二十,1,20240401090000", // not an integer
            "1000000019,0000012345,1,令和6年4月1日,23,2,20240401090000",  // not a flag
            "1000000019,XYZ0012345,1,令和6年4月1日,23,1,20240401090000",  // against the pattern
            "1000000019,,1,令和6年4月1日,23,1,20240401090000");           // a key field empty

        Assert.All(items, i => Assert.Null(i.Record));
        Assert.Equal(
            [
                ("data.csv:1", "supportLevel: code not in the layout's code table"),
                ("data.csv:2", "supportLevel: not one of the allowed values"),
                ("data.csv:3", "decidedOn: not a calendar date in the form 'wareki'"),
                ("data.csv:4", "days: not an integer"),
                ("data.csv:5", "homeCare: not a flag (0/1, false/true)"),
                ("data.csv:6", "recipientNumber: does not match the field's pattern"),
                ("data.csv:7", "recipientNumber: empty"),
            ],
            items.Select(i => (i.Location, i.Rejection)));
        Assert.All(items, i => Assert.DoesNotContain("XYZ", i.Rejection, StringComparison.Ordinal));
        Assert.All(items, i => Assert.Equal("1000000019", i.SourceKey));
    }

    [Fact]
    public void Check_FieldsTheKindLacksOrRequiresUnmapped_EachAProblem()
    {
        var layout = LayoutLoader.Parse(Layout, "x.layout.json", _catalog);
        layout.Fields.RemoveAll(f => f.Field is "days" or "sourceTimestamp");
        layout.Fields.Add(new LayoutField { Field = "careLevel", Index = 8 });

        var problems = LayoutLoader.Check(layout, _catalog);

        Assert.Contains(problems, p => p.StartsWith("fields[5]: 'careLevel' is not a field of disabilityService (atenaNumber, recipientNumber, supportLevel, decidedOn, days, provider, homeCare, sourceTimestamp, isRemoved)", StringComparison.Ordinal));
        Assert.Contains("required field 'days' of disabilityService is not mapped", problems);
        Assert.Contains("required field 'sourceTimestamp' of disabilityService is not mapped", problems);
        Assert.Equal(3, problems.Count);
    }

    [Fact]
    public void Check_KindNeitherBuiltInNorDeclared_NamesTheKindsDeclaredAsData()
    {
        var layout = LayoutLoader.Parse(Layout, "x.layout.json", _catalog);
        layout.RecordKind = "payroll";

        var problem = Assert.Single(LayoutLoader.Check(layout, _catalog));

        Assert.Equal("recordKind must be one of resident, tax-assessment, nhi-qualification, child-allowance-entitlement or a kind declared as data in the field catalog (disabilityService, lateElderly, longTermCare, residenceStatus)", problem);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private async Task<List<SourceItem>> ReadAsync(params string[] rows)
    {
        var data = Path.Combine(_dir, "data.csv");
        await File.WriteAllBytesAsync(data, Cp932.GetBytes(string.Join("\r\n", rows) + "\r\n"), TestContext.Current.CancellationToken);
        var adapter = new LayoutFileAdapter(new LayoutFileOptions { Layout = LayoutLoader.Parse(Layout, "x.layout.json", _catalog), Catalog = _catalog, DataPath = data });
        var items = new List<SourceItem>();
        await foreach (var batch in adapter.ReadSnapshotAsync(TestContext.Current.CancellationToken))
        {
            items.AddRange(batch.Items);
        }

        return items;
    }
}
