using Hub.Adapters.Conformance;
using Hub.Adapters.Nhi;
using Hub.Demo.Simulators;
using Hub.Testing.Demo;

namespace Hub.Adapters.Tests.Conformance;

public sealed class NhiApiConformanceTests : SourceAdapterConformanceTests<NhiApiAdapter>, IDisposable
{
    private DemoSource? _city;
    private NhiApiSimulator? _api;

    protected override ValueTask<NhiApiAdapter> CreateAdapterAsync(ConformanceSource source, int batchSize, CancellationToken cancellationToken)
    {
        _city?.Dispose();
        _city = new DemoSource(residents: 200);
        _api = source == ConformanceSource.Empty ? new NhiApiSimulator([]) : NhiApiSimulator.FromDemo(_city.Root);
        if (source == ConformanceSource.Malformed)
        {
            _api.Add("""{"atenaNumber":"1000000016","householdNumber":"3000000018","insuredSymbol":"0001","insuredNumber":"0000001","acquiredOn":"2024-13-40","lostOn":null,"acquisitionReason":"転入","lossReason":null,"updatedAt":"2025-01-01T10:00:00+09:00"}""");
            _api.Add("""{"atenaNumber":"1000000023","householdNumber":"3000000018","insuredSymbol":"0001","insuredNumber":"0000001","acquiredOn":"2024-02-30","lostOn":null,"acquisitionReason":"転入","lossReason":null,"updatedAt":"2025-01-02T10:00:00+09:00"}""");
        }

        var api = _api;
        return ValueTask.FromResult(new NhiApiAdapter(new NhiApiOptions { BaseAddress = new Uri("http://nhi.test/"), PageSize = batchSize, CreateHandler = () => api }));
    }

    protected override ValueTask<string?> ChangeOneRecordAsync(NhiApiAdapter adapter, CancellationToken cancellationToken)
    {
        var line = File.ReadLines(_city!.PathOf("nhi/insured.ndjson")).First();
        var atena = line.Split('"')[3];
        var changed = System.Text.RegularExpressions.Regex.Replace(line, "\"updatedAt\":\"[^\"]+\"", "\"updatedAt\":\"2026-03-31T16:00:00+09:00\"");
        _api!.Add(changed);
        var acquired = System.Text.RegularExpressions.Regex.Match(line, "\"acquiredOn\":\"([^\"]+)\"").Groups[1].Value;
        return ValueTask.FromResult<string?>($"{atena}:{acquired}");
    }

    public void Dispose()
    {
        _city?.Dispose();
        _api?.Dispose();
    }
}
