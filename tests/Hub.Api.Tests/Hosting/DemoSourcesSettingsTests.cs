using Hub.Demo.City;
using Microsoft.Extensions.Configuration;

namespace Hub.Api.Tests.Hosting;

/// <summary>The demo's sources are declared once in appsettings.json and once in code (for cities generated elsewhere): the two say the same.</summary>
public sealed class DemoSourcesSettingsTests
{
    [Fact]
    public void AppSettings_DeclareExactlyTheDemoCitySources()
    {
        var appsettings = new ConfigurationBuilder().AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json")).Build();

        var declared = appsettings.GetSection("Hub:Sources").AsEnumerable()
            .Where(p => p.Value is not null)
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.OrdinalIgnoreCase);

        Assert.Equal(
            DemoCitySources.Settings("data/demo-city").OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase),
            declared.OrderBy(p => p.Key, StringComparer.OrdinalIgnoreCase));
    }
}
