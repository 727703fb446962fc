using Hub.Adapters.Conformance;
using Hub.Adapters.ResidentRegistry;
using Hub.Testing.Demo;

namespace Hub.Adapters.Tests.Conformance;

public sealed class ResidentRegistryCsvConformanceTests : SourceAdapterConformanceTests<ResidentRegistryCsvAdapter>, IDisposable
{
    private DemoSource? _city;

    protected override ValueTask<ResidentRegistryCsvAdapter> CreateAdapterAsync(ConformanceSource source, int batchSize, CancellationToken cancellationToken)
    {
        _city?.Dispose();
        _city = new DemoSource(malformed: source == ConformanceSource.Malformed);
        if (source == ConformanceSource.Empty)
        {
            _city.KeepHeaderOnly("resident-registry/residents.csv");
        }

        return ValueTask.FromResult(new ResidentRegistryCsvAdapter(new ResidentRegistryCsvOptions { FilePath = _city.PathOf("resident-registry/residents.csv"), BatchSize = batchSize }));
    }

    protected override ValueTask<string?> ChangeOneRecordAsync(ResidentRegistryCsvAdapter adapter, CancellationToken cancellationToken) =>
        ValueTask.FromResult<string?>(LayoutConformance.ChangeFirstCsvRow(_city!.PathOf("resident-registry/residents.csv")));

    public void Dispose() => _city?.Dispose();
}
