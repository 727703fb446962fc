using Hub.Adapters.Nhi;
using Hub.Adapters.Sdk;

namespace Hub.Demo.Simulators;

/// <summary>
/// Options of the demo's NHI source: the SDK's NHI API adapter talking to the in-process <see cref="NhiApiSimulator"/>,
/// which serves the demo city's NDJSON as the API. The demo host offers it as the built-in adapter <c>nhi-simulator</c>.
/// </summary>
public sealed class NhiSimulatorOptions : AdapterOptions
{
    /// <summary>The NDJSON the simulator serves (or the demo city's folder). Default <c>data/demo-city/nhi/insured.ndjson</c>.</summary>
    public string File { get; set; } = "data/demo-city/nhi/insured.ndjson";

    /// <summary>Items per page asked of the API; a page is one transaction. Default 2,000; 1 to 5,000.</summary>
    public int PageSize { get; set; } = 2_000;

    /// <summary>The SDK's NHI adapter with the simulator as its HTTP handler.</summary>
    public ISourceAdapter CreateAdapter() => new NhiApiAdapter(new NhiApiOptions
    {
        BaseAddress = new Uri("http://nhi.demo.invalid/"),
        PageSize = PageSize,
        BatchSize = BatchSize,
        CreateHandler = () => NhiApiSimulator.FromDemo(File),
    });

    /// <inheritdoc />
    protected override void Validate(List<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        if (string.IsNullOrWhiteSpace(File))
        {
            problems.Add("File (the NDJSON the simulator serves) is required.");
        }

        if (PageSize is < 1 or > 5_000)
        {
            problems.Add("PageSize must be between 1 and 5,000.");
        }
    }
}
