using Hub.Demo.City;

namespace Hub.Testing.Demo;

/// <summary>A small demo city in a temp folder for one test: typical (clean) or with malformed registry rows.</summary>
public sealed class DemoSource : IDisposable
{
    public DemoSource(bool malformed = false, int residents = 60)
    {
        Root = Path.Combine(Path.GetTempPath(), "hub-conf-" + Guid.NewGuid().ToString("N")[..12]);
        DemoCityGenerator.Generate(new DemoCityOptions { Residents = residents, Seed = 11, MalformedRows = malformed ? 3 : 0 }, Root);
    }

    public string Root { get; }

    public string PathOf(string relative) => Path.Combine(Root, relative.Replace('/', Path.DirectorySeparatorChar));

    /// <summary>Keeps only the first line (the header) of a CSV file.</summary>
    public void KeepHeaderOnly(string relative)
    {
        var path = PathOf(relative);
        File.WriteAllText(path, File.ReadLines(path).First() + "\n");
    }

    /// <summary>Rewrites a file as a new export (another write time).</summary>
    public static void Touch(string path) => File.SetLastWriteTimeUtc(path, File.GetLastWriteTimeUtc(path).AddMinutes(1));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
