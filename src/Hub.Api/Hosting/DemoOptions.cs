using Hub.Capabilities;
namespace Hub.Api.Hosting;

/// <summary>Configuration section <c>Hub:Demo</c>: the embedded demo city used when the database starts empty.</summary>
public sealed class DemoOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "Hub:Demo";

    /// <summary>Generate and sync a demo city when the database holds no resident. Default true (appsettings); false in production configurations.</summary>
    public bool SeedWhenEmpty { get; set; }

    /// <summary>Residents of the generated city. Default 10,000.</summary>
    public int Residents { get; set; } = 10_000;

    /// <summary>Seed of the generator (same seed, same city). Default 1.</summary>
    public int Seed { get; set; } = 1;

    /// <summary>Where the demo core systems' exports are written. Default <c>data/demo-city</c>.</summary>
    public string Directory { get; set; } = "data/demo-city";
}
