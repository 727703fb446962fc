using Hub.Demo.Simulators;
using Hub.Testing.Demo;

namespace Hub.Demo.Tests.Simulators;

/// <summary>The simulator served from a file keeps only an index and answers every page as it would from the items held as text.</summary>
public sealed class NhiApiSimulatorTests : IDisposable
{
    private readonly DemoSource _city = new(residents: 300);

    [Fact]
    public async Task FromFile_ServesTheSamePagesAsFromTextLines_HoldingNoItemText()
    {
        var file = _city.PathOf("nhi/insured.ndjson");
        using var fromFile = NhiApiSimulator.FromDemo(_city.Root);
        using var fromText = new NhiApiSimulator(File.ReadLines(file).Where(l => l.Length > 0));
        using var a = new HttpClient(fromFile, disposeHandler: false) { BaseAddress = new Uri("http://nhi.test/") };
        using var b = new HttpClient(fromText, disposeHandler: false) { BaseAddress = new Uri("http://nhi.test/") };

        string[] queries =
        [
            "nhi/v1/insured?page=1&pageSize=7",
            "nhi/v1/insured?page=3&pageSize=7",
            "nhi/v1/insured?page=1&pageSize=5000",
            "nhi/v1/insured?updatedSince=2025-01-01T00%3A00%3A00%2B09%3A00&page=2&pageSize=10",
        ];
        foreach (var query in queries)
        {
            var expected = await b.GetStringAsync(new Uri(query, UriKind.Relative), TestContext.Current.CancellationToken);
            Assert.Equal(expected, await a.GetStringAsync(new Uri(query, UriKind.Relative), TestContext.Current.CancellationToken));
        }

        Assert.Equal(0, fromFile.ItemsInMemory);
        Assert.True(fromText.ItemsInMemory > 0);
    }

    public void Dispose() => _city.Dispose();
}
