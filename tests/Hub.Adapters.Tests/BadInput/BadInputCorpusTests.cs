using System.Text;
using Hub.Adapters.Layouts;
using Hub.Adapters.Nhi;
using Hub.Adapters.Records;
using Hub.Adapters.Sdk;
using Hub.Demo.Simulators;
using Hub.Testing.Demo;

namespace Hub.Adapters.Tests.BadInput;

/// <summary>Bad inputs real exports bring: for each, the clear message or rejection, and nothing lost.</summary>
public sealed class BadInputCorpusTests : IDisposable
{
    private readonly DemoSource _city = new(residents: 80);

    public void Dispose() => _city.Dispose();

    private LayoutFileAdapter Layout(string name, string dataPath) =>
        new(new LayoutFileOptions { Layout = BuiltInLayouts.Get(name), DataPath = dataPath });

    private static async Task<List<SourceItem>> ReadAsync(ISourceAdapter adapter)
    {
        var items = new List<SourceItem>();
        await foreach (var b in adapter.ReadAsync(Watermark.Start, TestContext.Current.CancellationToken))
        {
            items.AddRange(b.Items);
        }

        return items;
    }

    [Fact]
    public async Task TruncatedToNothing_CsvWithHeader_ThrowsSayingTheHeaderIsMissing()
    {
        var file = _city.PathOf("resident-registry/residents.csv");
        File.WriteAllBytes(file, []);

        var ex = await Assert.ThrowsAsync<SourceReadException>(() => ReadAsync(Layout(BuiltInLayouts.ResidentRegistry, file)));

        Assert.Contains("header row was expected", ex.Message, StringComparison.Ordinal);
        Assert.False(ex.IsTransient);
    }

    [Fact]
    public async Task TruncatedMidRecord_FixedWidth_LastRecordRejectedOthersKept()
    {
        var file = _city.PathOf("resident-registry/residents-legacy.dat");
        var bytes = File.ReadAllBytes(file);
        var records = bytes.Length / 354;
        File.WriteAllBytes(file, bytes.AsSpan(0, bytes.Length - 100).ToArray());

        var items = await ReadAsync(Layout(BuiltInLayouts.ResidentRegistryLegacy, file));

        Assert.Equal(records, items.Count);
        Assert.Equal(records - 1, items.Count(i => i.Record is not null));
        Assert.Contains("truncated", items[^1].Rejection, StringComparison.Ordinal);
        Assert.Equal($"residents-legacy.dat:{records}", items[^1].Location);
    }

    [Fact]
    public async Task WrongEncoding_Cp932FileReadAsUtf8_RowsRejectedNamingTheEncoding()
    {
        var csv = _city.PathOf("resident-registry/residents.csv");
        var text = File.ReadAllText(csv);
        File.WriteAllBytes(csv, TextEncodings.Get("cp932")!.GetBytes(RemoveNonCp932(text)));

        var items = await ReadAsync(Layout(BuiltInLayouts.ResidentRegistry, csv));

        Assert.Contains(items, i => i.Rejection == "row is not valid utf-8");
        Assert.Equal(File.ReadAllLines(csv, Encoding.Latin1).Length - 1, items.Count);
    }

    [Fact]
    public async Task Utf8WithBom_HeaderStillRecognized()
    {
        var csv = _city.PathOf("resident-registry/residents.csv");
        File.WriteAllBytes(csv, [0xEF, 0xBB, 0xBF, .. File.ReadAllBytes(csv)]);

        var items = await ReadAsync(Layout(BuiltInLayouts.ResidentRegistry, csv));

        Assert.All(items, i => Assert.NotNull(i.Record));
    }

    [Theory]
    [InlineData("1000000015,2025,100", "expected 13 columns, found 3")]
    [InlineData("1000000015,2025,1,1,1,0,0,0,5000,0,0,0,2025-06-01T10:00:00+09:00,extra", "expected 13 columns, found 14")]
    [InlineData("1000000016,2025,1,1,1,0,0,0,5000,0,0,0,2025-06-01T10:00:00+09:00", "atenaNumber: check digit does not match")]
    [InlineData("1000000015,2025,1,1,1,0,0,0,5000,0,2,0,2025-06-01T10:00:00+09:00", "nonTaxable: not a flag (0/1, false/true)")]
    public async Task TaxRow_BadColumnsOrValues_RejectedNamingTheFieldNotTheValue(string row, string reason)
    {
        var folder = _city.PathOf("resident-tax");
        var file = Directory.GetFiles(folder, "assessments-FY*.csv").Order(StringComparer.Ordinal).Last();
        File.AppendAllText(file, row + "\n");

        var items = await ReadAsync(Layout(BuiltInLayouts.ResidentTax, folder));

        var last = items[^1];
        Assert.Null(last.Record);
        Assert.Equal(reason, last.Rejection);
        Assert.Equal(row, Encoding.UTF8.GetString(last.Raw.Span));
    }

    [Theory]
    [InlineData("昭和九十九年十三月四十日")]
    [InlineData("1990-13-45")]
    public async Task ImpossibleBirthDates_Rejected(string date)
    {
        var csv = _city.PathOf("resident-registry/residents.csv");
        var lines = File.ReadAllLines(csv);
        var cells = lines[1].Split(',');
        cells[11] = date;
        File.AppendAllText(csv, string.Join(',', cells) + "\n");

        var items = await ReadAsync(Layout(BuiltInLayouts.ResidentRegistry, csv));

        Assert.StartsWith("birthDate: not a date", items[^1].Rejection, StringComparison.Ordinal);
        Assert.DoesNotContain(date, items[^1].Rejection!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAndImpossibleButKeptDates_Accepted()
    {
        var items = await ReadAsync(Layout(BuiltInLayouts.ResidentRegistry, _city.PathOf("resident-registry/residents.csv")));
        var births = items.Select(i => ((CanonicalResident)i.Record!).BirthDate).Where(d => d is not null).ToList();

        Assert.All(items, i => Assert.NotNull(i.Record));
        Assert.Equal(births.Count, items.Count);
    }

    [Fact]
    public async Task GaijiWithoutMapping_AcceptedKeptAndFlagged_MappedOnesReplaced()
    {
        var csv = _city.PathOf("resident-registry/residents.csv");
        var lines = File.ReadAllLines(csv);
        var mapped = lines[1].Split(',');
        mapped[5] = "\uE000田　太郎";
        var unmapped = lines[2].Split(',');
        unmapped[5] = "\uE0FE沢　花子";
        File.WriteAllLines(csv, [lines[0], string.Join(',', mapped), string.Join(',', unmapped)]);

        var items = await ReadAsync(Layout(BuiltInLayouts.ResidentRegistry, csv));

        Assert.Equal("\U00020BB7田　太郎", ((CanonicalResident)items[0].Record!).Name.Original);
        Assert.Empty(items[0].Findings);
        Assert.Equal("\uE0FE沢　花子", ((CanonicalResident)items[1].Record!).Name.Original);
        Assert.Equal("name: 外字 U+E0FE at position 1 has no mapping in the source's 外字 table; kept as read", Assert.Single(items[1].Findings));
    }

    [Fact]
    public async Task LegacyCp932_GaijiInUserDefinedAreaMappedThroughTheSourceTable()
    {
        var legacy = await ReadAsync(Layout(BuiltInLayouts.ResidentRegistryLegacy, _city.PathOf("resident-registry/residents-legacy.dat")));
        var csv = await ReadAsync(Layout(BuiltInLayouts.ResidentRegistry, _city.PathOf("resident-registry/residents.csv")));

        Assert.All(legacy, i => Assert.NotNull(i.Record));
        Assert.Equal(csv.Select(i => i.SourceKey), legacy.Select(i => i.SourceKey));
        var pairs = csv.Zip(legacy, (c, l) => ((CanonicalResident)c.Record!, (CanonicalResident)l.Record!)).ToList();
        Assert.All(pairs, p => Assert.Equal(p.Item1.NameKana?.SearchKey, p.Item2.NameKana?.SearchKey));
        Assert.All(pairs, p => Assert.Equal(p.Item1.BirthDate?.Earliest?.Year, p.Item2.BirthDate?.Earliest?.Year));
        Assert.All(pairs.Where(p => !p.Item1.Name.Original.Any(char.IsSurrogate)), p => Assert.Equal(p.Item1.Name.SearchKey, p.Item2.Name.SearchKey));
    }

    [Fact]
    public async Task NhiApi_500ThenMalformedJson_ClearTransientAndPermanentErrors()
    {
        using var api = NhiApiSimulator.FromDemo(_city.Root);
        using var adapter = new NhiApiAdapter(new NhiApiOptions { BaseAddress = new Uri("http://nhi.test/"), PageSize = 10, CreateHandler = () => api });

        api.FailNext(1);
        var http = await Assert.ThrowsAsync<SourceReadException>(() => ReadAsync(adapter));
        Assert.True(http.IsTransient);
        Assert.Equal("nhi/v1/insured page 1: the NHI API answered HTTP 500 Internal Server Error.", http.Message);

        api.MalformNext(1);
        var json = await Assert.ThrowsAsync<SourceReadException>(() => ReadAsync(adapter));
        Assert.False(json.IsTransient);
        Assert.StartsWith("nhi/v1/insured page 1: the answer is not valid JSON", json.Message, StringComparison.Ordinal);

        var all = await ReadAsync(adapter);
        Assert.Equal(File.ReadAllLines(_city.PathOf("nhi/insured.ndjson")).Length, all.Count);
    }

    [Fact]
    public void Options_EveryProblemInOneMessage()
    {
        var builder = new AdapterBuilder();

        var ex = Assert.Throws<AdapterOptionsException>(() => builder.AddNhiApi("nhi", o =>
        {
            o.PageSize = 0;
            o.BatchSize = 0;
            o.Timeout = TimeSpan.Zero;
        }));

        Assert.Equal(4, ex.Problems.Count);
        Assert.All(ex.Problems, p => Assert.Contains(p, ex.Message, StringComparison.Ordinal));
        Assert.Empty(builder.Registrations);
    }

    [Fact]
    public void Layout_EveryProblemInOneMessage()
    {
        var ex = Assert.Throws<LayoutException>(() => LayoutLoader.Parse("""
            { "name": "x", "recordKind": "resident", "format": "fixed-width", "encoding": "latin1",
              "fields": [ { "field": "atenaNumber", "offset": 0, "length": 10 }, { "field": "shoeSize", "column": "x" } ] }
            """, "x.layout.json"));

        Assert.Contains(ex.Problems, p => p.StartsWith("encoding must be", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.StartsWith("recordLength", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p.Contains("'shoeSize' is not a field of resident", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, p => p == "required field 'name' of resident is not mapped");
    }

    private static string RemoveNonCp932(string text)
    {
        var enc = Encoding.GetEncoding(932, EncoderFallback.ReplacementFallback, DecoderFallback.ReplacementFallback);
        return enc.GetString(enc.GetBytes(text));
    }
}
