using Hub.Demo.City;

namespace Hub.Demo.Tests.City;

/// <summary>One generated city of 20,000 residents shared by the read-only tests of a class.</summary>
public sealed class DemoCityFixture : IDisposable
{
    public DemoCityFixture()
    {
        Directory = Path.Combine(Path.GetTempPath(), "hub-demo-" + Guid.NewGuid().ToString("N"));
        Result = DemoCityGenerator.Generate(Options, Directory, ct: TestContext.Current.CancellationToken);
        Residents = CsvFile.ReadRecords(Path.Combine(Directory, "resident-registry", "residents.csv"));
    }

    public static DemoCityOptions Options { get; } = new() { Residents = 20_000, Seed = 42 };

    public string Directory { get; }

    public DemoCityResult Result { get; }

    public List<Dictionary<string, string>> Residents { get; }

    public IEnumerable<Dictionary<string, string>> Current => Residents.Where(r => r["status"] == "1");

    public string PathOf(string relative) => Path.Combine(Directory, relative.Replace('/', Path.DirectorySeparatorChar));

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
