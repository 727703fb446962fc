using System.Text;
using Hub.Adapters.Conformance;
using Hub.Adapters.Layouts;
using Hub.Testing.Demo;

namespace Hub.Adapters.Tests.Conformance;

/// <summary>The layout-file adapter on the demo's UTF-8 resident CSV (built-in layout resident-registry).</summary>
public sealed class ResidentRegistryLayoutConformanceTests : SourceAdapterConformanceTests<LayoutFileAdapter>, IDisposable
{
    private DemoSource? _city;

    protected override ValueTask<LayoutFileAdapter> CreateAdapterAsync(ConformanceSource source, int batchSize, CancellationToken cancellationToken)
    {
        _city?.Dispose();
        _city = new DemoSource(malformed: source == ConformanceSource.Malformed);
        if (source == ConformanceSource.Empty)
        {
            _city.KeepHeaderOnly("resident-registry/residents.csv");
        }

        return ValueTask.FromResult(new LayoutFileAdapter(new LayoutFileOptions
        {
            Layout = BuiltInLayouts.Get(BuiltInLayouts.ResidentRegistry),
            DataPath = _city.PathOf("resident-registry"),
            BatchSize = batchSize,
        }));
    }

    protected override ValueTask<string?> ChangeOneRecordAsync(LayoutFileAdapter adapter, CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>(LayoutConformance.ChangeFirstCsvRow(_city!.PathOf("resident-registry/residents.csv")));

    public void Dispose() => _city?.Dispose();
}

/// <summary>The legacy fixed-width CP932 resident export (built-in layout resident-registry-legacy).</summary>
public sealed class ResidentRegistryLegacyConformanceTests : SourceAdapterConformanceTests<LayoutFileAdapter>, IDisposable
{
    private DemoSource? _city;

    private string DataFile => _city!.PathOf("resident-registry/residents-legacy.dat");

    protected override ValueTask<LayoutFileAdapter> CreateAdapterAsync(ConformanceSource source, int batchSize, CancellationToken cancellationToken)
    {
        _city?.Dispose();
        _city = new DemoSource();
        if (source == ConformanceSource.Empty)
        {
            File.WriteAllBytes(DataFile, []);
        }
        else if (source == ConformanceSource.Malformed)
        {
            var first = File.ReadAllBytes(DataFile).AsSpan(0, 354).ToArray();
            first[9] = (byte)(first[9] == (byte)'9' ? '0' : first[9] + 1); // check digit of the 宛名番号
            LayoutConformance.Append(DataFile, first);
            LayoutConformance.Append(DataFile, first.AsSpan(0, 200).ToArray()); // truncated record, no line end
        }

        return ValueTask.FromResult(new LayoutFileAdapter(new LayoutFileOptions { LayoutPath = _city.PathOf("resident-registry/resident-registry-legacy.layout.json"), DataPath = DataFile, BatchSize = batchSize }));
    }

    protected override ValueTask<string?> ChangeOneRecordAsync(LayoutFileAdapter adapter, CancellationToken cancellationToken)
    {
        var bytes = File.ReadAllBytes(DataFile);
        bytes[159 + 40] = (byte)'X'; // inside the address field of the first record, past the address text
        File.WriteAllBytes(DataFile, bytes);
        DemoSource.Touch(DataFile);
        return ValueTask.FromResult<string?>(Encoding.ASCII.GetString(bytes, 0, 10));
    }

    public void Dispose() => _city?.Dispose();
}

/// <summary>個人住民税: every assessments-FY*.csv of the folder (built-in layout resident-tax).</summary>
public sealed class ResidentTaxConformanceTests : SourceAdapterConformanceTests<LayoutFileAdapter>, IDisposable
{
    private DemoSource? _city;

    protected override ValueTask<LayoutFileAdapter> CreateAdapterAsync(ConformanceSource source, int batchSize, CancellationToken cancellationToken)
    {
        _city?.Dispose();
        _city = new DemoSource();
        var folder = _city.PathOf("resident-tax");
        foreach (var file in Directory.GetFiles(folder, "assessments-FY*.csv"))
        {
            if (source == ConformanceSource.Empty)
            {
                File.WriteAllText(file, File.ReadLines(file).First() + "\n");
            }
        }

        if (source == ConformanceSource.Malformed)
        {
            var fy = Directory.GetFiles(folder, "assessments-FY*.csv").Order(StringComparer.Ordinal).Last();
            LayoutConformance.Append(fy, Encoding.UTF8.GetBytes("1000000015,2025,100\n1000000016,2025,1,1,1,0,0,0,5000,0,0,0,2025-06-01T10:00:00+09:00\n"));
        }

        return ValueTask.FromResult(new LayoutFileAdapter(new LayoutFileOptions { Layout = BuiltInLayouts.Get(BuiltInLayouts.ResidentTax), DataPath = folder, BatchSize = batchSize }));
    }

    protected override ValueTask<string?> ChangeOneRecordAsync(LayoutFileAdapter adapter, CancellationToken cancellationToken)
    {
        var file = Directory.GetFiles(_city!.PathOf("resident-tax"), "assessments-FY*.csv").Order(StringComparer.Ordinal).First();
        var lines = File.ReadAllLines(file);
        var cells = lines[1].Split(',');
        cells[^1] = "2025-12-01T10:00:00+09:00";
        lines[1] = string.Join(',', cells);
        File.WriteAllText(file, string.Join('\n', lines) + "\n");
        DemoSource.Touch(file);
        return ValueTask.FromResult<string?>($"{cells[0]}:{cells[1]}");
    }

    public void Dispose() => _city?.Dispose();
}
