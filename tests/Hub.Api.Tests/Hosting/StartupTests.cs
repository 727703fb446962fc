using System.Diagnostics;
using System.Text.Json;

namespace Hub.Api.Tests.Hosting;

/// <summary>The executable as a newcomer runs it: configuration errors, and the demo from empty database to a working curl.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("hub-start-").FullName;

    [Fact]
    public async Task Start_UnknownProvider_ExitsNonZeroNamingTheSetting()
    {
        await using var hub = HubProcess.Start(_dir, "Development", "--Database:Provider=Oracle");

        var code = await hub.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(2, code);
        Assert.Contains("Database:Provider", hub.StandardError, StringComparison.Ordinal);
        Assert.Contains("Oracle", hub.StandardError, StringComparison.Ordinal);
        Assert.StartsWith("hub: ", hub.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InvariantNamingNoCatalogField_ExitsNamingTheFileLineAndPattern()
    {
        var invariants = Path.Combine(_dir, "invariants.csv");
        await File.WriteAllTextAsync(invariants, "id,subjects,tasks,fields,actions,statement\ntypo,*,*,resident.nmae,read,氏名は読まない\n", TestContext.Current.CancellationToken);
        await using var hub = HubProcess.Start(_dir, "Development", "--Urls=http://127.0.0.1:0", "--Hub:Demo:SeedWhenEmpty=false", $"--Hub:Policy:InvariantsPath={invariants}");

        var code = await hub.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(2, code);
        Assert.Contains($"hub: The invariants file does not parse: {invariants}(2,1): invariant typo: field pattern 'resident.nmae' matches no catalog field", hub.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BadSources_ExitsNamingEverySettingInOneMessage()
    {
        await using var hub = HubProcess.Start(_dir, "Development", "--Urls=http://127.0.0.1:0",
            "--Hub:Sources:payroll:Kind=spreadsheet",
            "--Hub:Sources:vendor-x:Kind=layout", "--Hub:Sources:vendor-x:Layout=vendor-x.layout.json", "--Hub:Sources:vendor-x:Options:DataPath=x",
            "--Hub:Sources:late:Kind=assembly", "--Hub:Sources:late:Assembly=Vendor.Missing", "--Hub:Sources:late:Record=resident");

        var code = await hub.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(2, code);
        Assert.StartsWith("hub: ", hub.StandardError, StringComparison.Ordinal);
        Assert.Contains("Setting Hub:Sources:payroll:Kind has the unknown value 'spreadsheet'", hub.StandardError, StringComparison.Ordinal);
        Assert.Contains("Setting Hub:Sources:vendor-x:Layout: the layout file 'vendor-x.layout.json' exists neither", hub.StandardError, StringComparison.Ordinal);
        Assert.Contains("Setting Hub:Sources:late:Assembly: 'Vendor.Missing' names no assembly in the plug-in folder", hub.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_UnreachableDatabase_ExitsNonZeroNamingTheSetting()
    {
        await using var hub = HubProcess.Start(_dir, "Development", "--Database:Provider=PostgreSql",
            "--Database:ConnectionString=Host=127.0.0.1;Port=9;Username=hub;Timeout=3", "--Urls=http://127.0.0.1:0");

        var code = await hub.WaitForExitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(2, code);
        var line = hub.StandardError.Split('\n').Single(l => l.StartsWith("hub: ", StringComparison.Ordinal));
        Assert.StartsWith("hub: Cannot open the PostgreSql database given by setting Database:ConnectionString", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_EmptyDatabase_SeedsSyncsAndPrintsACurlThatReturnsAResident()
    {
        await using var hub = HubProcess.Start(_dir, "Development", "--Urls=http://127.0.0.1:0", "--Hub:Demo:Residents=1000");

        var curl = await hub.WaitForLineAsync(l => l.StartsWith("curl ", StringComparison.Ordinal), TimeSpan.FromMinutes(3));

        Assert.True(curl is not null, $"no curl line; stdout:\n{hub.StandardOutput}\nstderr:\n{hub.StandardError}");
        Assert.True(File.Exists(Path.Combine(_dir, "data", "hub.db")));
        // Every demo source's first sync succeeded: the 介護保険 layout file and the sample plug-in the build put in plugins/.
        Assert.DoesNotContain("The first sync of", hub.StandardOutput + hub.StandardError, StringComparison.Ordinal);
        var output = await Bash(curl!);
        using var json = JsonDocument.Parse(output);
        var resident = json.RootElement.GetProperty("data").GetProperty("resident");
        Assert.False(string.IsNullOrEmpty(resident.GetProperty("name").GetString()));
        Assert.True(resident.GetProperty("household").GetProperty("members").GetArrayLength() >= 3);
        var url = hub.StandardOutput.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith("MunicipalHub is serving GraphQL at ", StringComparison.Ordinal))[35..];
        Assert.Contains("Healthy", await Bash($"curl -s {url.Replace("/graphql", "/healthz", StringComparison.Ordinal)}"), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Start_Twice_SecondStartReusesTheDatabase()
    {
        await using (var first = HubProcess.Start(_dir, "Development", "--Urls=http://127.0.0.1:0", "--Hub:Demo:Residents=1000"))
        {
            Assert.NotNull(await first.WaitForLineAsync(l => l.StartsWith("curl ", StringComparison.Ordinal), TimeSpan.FromMinutes(3)));
        }

        await using var second = HubProcess.Start(_dir, "Development", "--Urls=http://127.0.0.1:0", "--Hub:Demo:Residents=1000");
        Assert.NotNull(await second.WaitForLineAsync(l => l.StartsWith("curl ", StringComparison.Ordinal), TimeSpan.FromMinutes(2)));
        Assert.Contains("reusing it", second.StandardError, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<string> Bash(string command)
    {
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(command);
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        return output;
    }
}
