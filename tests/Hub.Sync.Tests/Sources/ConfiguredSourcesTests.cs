using Hub.Adapters;
using Hub.Sync.Sources;
using Microsoft.Extensions.Configuration;

namespace Hub.Sync.Tests.Sources;

/// <summary>Sources declared in configuration: read in sync order, and every mistake named by its setting in one message.</summary>
public sealed class ConfiguredSourcesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-sources-").FullName;

    [Fact]
    public void Load_EveryKind_RegistryFirstThenByName()
    {
        var layout = Path.Combine(_dir, "registry.layout.json");
        File.WriteAllText(layout, LayoutSourceSpecification.ResidentLayout);
        var sources = Load(new()
        {
            ["Hub:Sources:a-tax:Kind"] = "layout",
            ["Hub:Sources:a-tax:Layout"] = "resident-tax",
            ["Hub:Sources:a-tax:Options:DataPath"] = _dir,
            ["Hub:Sources:m-nhi:Kind"] = "builtin",
            ["Hub:Sources:m-nhi:Adapter"] = "nhi-api",
            ["Hub:Sources:m-nhi:Options:BaseAddress"] = "https://nhi.city.invalid/",
            ["Hub:Sources:m-nhi:Schedule"] = "0 0 2 * * ?",
            ["Hub:Sources:zz-registry:Kind"] = "layout",
            ["Hub:Sources:zz-registry:Layout"] = layout,
            ["Hub:Sources:zz-registry:Options:DataPath"] = _dir,
            ["Hub:Sources:off:Kind"] = "builtin",
            ["Hub:Sources:off:Adapter"] = "resident-registry-csv",
            ["Hub:Sources:off:Enabled"] = "false",
        });

        Assert.Equal(["zz-registry", "a-tax", "m-nhi"], sources.All.Select(s => s.Name));
        Assert.Equal(
            [("layout", "resident", SourceSystems.ResidentRegistry, null), ("layout", "tax", SourceSystems.ResidentTax, null), ("builtin", "nhi", SourceSystems.Nhi, "0 0 2 * * ?")],
            sources.Declared.Select(d => (d.Kind, d.Record, d.SourceSystem, d.Schedule)));
        Assert.Equal(["resident", "tax", "nhi"], sources.All.Select(s => s.Record));
    }

    [Fact]
    public void Load_BadDeclarations_OneMessageNamesEverySetting()
    {
        var broken = Path.Combine(_dir, "broken.layout.json");
        File.WriteAllText(broken, """{ "name": "broken", "recordKind": "pets", "format": "csv", "fields": [] }""");

        var e = Assert.Throws<HubSyncConfigurationException>(() => Load(new()
        {
            ["Hub:Plugins:Directory"] = _dir,
            ["Hub:Sources:ResidentRegistryFile"] = "old.csv",
            ["Hub:Sources:payroll:Kind"] = "spreadsheet",
            ["Hub:Sources:no-kind:Record"] = "resident",
            ["Hub:Sources:vendor-x:Kind"] = "layout",
            ["Hub:Sources:vendor-x:Layout"] = "layouts/vendor-x.layout.json",
            ["Hub:Sources:vendor-x:Options:DataPath"] = _dir,
            ["Hub:Sources:broken:Kind"] = "layout",
            ["Hub:Sources:broken:Layout"] = broken,
            ["Hub:Sources:broken:Options:DataPath"] = _dir,
            ["Hub:Sources:care:Kind"] = "layout",
            ["Hub:Sources:care:Layout"] = "resident-tax",
            ["Hub:Sources:care:Record"] = "pets",
            ["Hub:Sources:care:Options:DataPath"] = _dir,
            ["Hub:Sources:late:Kind"] = "assembly",
            ["Hub:Sources:late:Assembly"] = "Vendor.Missing",
            ["Hub:Sources:late:Record"] = "resident",
            ["Hub:Sources:nightly:Kind"] = "builtin",
            ["Hub:Sources:nightly:Adapter"] = "resident-registry-csv",
            ["Hub:Sources:nightly:Schedule"] = "at two",
            ["Hub:Sources:nightly:Options:FilePath"] = "r.csv",
            ["Hub:Sources:ftp:Kind"] = "builtin",
            ["Hub:Sources:ftp:Adapter"] = "ftp-pull",
            ["Hub:Sources:typo:Kind"] = "builtin",
            ["Hub:Sources:typo:Adapter"] = "resident-registry-csv",
            ["Hub:Sources:typo:Options:FilPath"] = "r.csv",
            ["Hub:Sources:mismatch:Kind"] = "builtin",
            ["Hub:Sources:mismatch:Adapter"] = "nhi-api",
            ["Hub:Sources:mismatch:Record"] = "tax",
            ["Hub:Sources:mismatch:Options:BaseAddress"] = "https://nhi.invalid/",
        }));

        var lines = e.Message.Split(Environment.NewLine);
        string[] expected =
        [
            "Setting Hub:Sources:ResidentRegistryFile is of the flat shape sources had before they were declared: use Hub:Sources:resident-registry:Options:FilePath",
            "Setting Hub:Sources:payroll:Kind has the unknown value 'spreadsheet'.",
            "Setting Hub:Sources:no-kind:Kind is required",
            "Setting Hub:Sources:vendor-x:Layout: the layout file 'layouts/vendor-x.layout.json' exists neither in the working folder",
            "Setting Hub:Sources:broken:Layout: Layout broken.layout.json has",
            "Setting Hub:Sources:care:Record names no record kind of the field catalog (schemas/records): 'pets'.",
            "Setting Hub:Sources:late:Assembly: 'Vendor.Missing' names no assembly in the plug-in folder",
            "Setting Hub:Sources:nightly:Schedule is neither a Quartz cron expression",
            "Setting Hub:Sources:ftp:Adapter names no built-in adapter: 'ftp-pull'.",
            "Setting Hub:Sources:typo:Options: ",
            "Setting Hub:Sources:mismatch:Record is 'tax', but the source's built-in adapter nhi-api yields 'nhi' records.",
        ];
        foreach (var start in expected)
        {
            Assert.Contains(lines, l => l.StartsWith(start, StringComparison.Ordinal));
        }

        Assert.Equal(expected.Length, lines.Count(l => l.StartsWith("Setting ", StringComparison.Ordinal)));
        Assert.Contains("FilPath", lines.Single(l => l.StartsWith("Setting Hub:Sources:typo:", StringComparison.Ordinal)), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_AssemblyWithoutRecord_RecordIsRequired()
    {
        var e = Assert.Throws<HubSyncConfigurationException>(() => Load(new()
        {
            ["Hub:Sources:late:Kind"] = "assembly",
        }));

        Assert.StartsWith("Setting Hub:Sources:late:Assembly is required for kind assembly", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static ConfiguredSources Load(Dictionary<string, string?> settings) =>
        ConfiguredSources.Load(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
}
