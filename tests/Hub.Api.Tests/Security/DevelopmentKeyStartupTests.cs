using System.Net;
using System.Security.Cryptography;
using Hub.Api.Security;
using Hub.Api.Tests.Support;

namespace Hub.Api.Tests.Security;

/// <summary>The development signing key is refused outside Development; a key of one's own is accepted there.</summary>
public sealed class DevelopmentKeyStartupTests
{
    private const string Refused = "development signing key is refused outside Development";

    // These run the real executable: a refused key must end the process with exit code 2 and one line naming the setting.
    [Fact]
    public async Task Startup_ProductionWithoutKey_ExitsNamingTheSetting()
    {
        var dir = Directory.CreateTempSubdirectory("hub-key-").FullName;
        await using var hub = Hosting.HubProcess.Start(dir, "Production", "--Urls=http://127.0.0.1:0", "--Hub:Demo:SeedWhenEmpty=false");

        Assert.Equal(2, await hub.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        var line = hub.StandardError.Split('\n').Single(l => l.StartsWith("hub: ", StringComparison.Ordinal));
        Assert.Contains(Refused, line, StringComparison.Ordinal);
        Assert.Contains("Hub:Auth:SigningKey", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_ProductionWithTheDevelopmentKey_Exits()
    {
        var dir = Directory.CreateTempSubdirectory("hub-key-").FullName;
        await using var hub = Hosting.HubProcess.Start(dir, "Production", "--Urls=http://127.0.0.1:0", "--Hub:Demo:SeedWhenEmpty=false",
            $"--Hub:Auth:SigningKey={Convert.ToBase64String(DevelopmentTokens.DevelopmentKey())}");

        Assert.Equal(2, await hub.WaitForExitAsync(TimeSpan.FromSeconds(60)));
        Assert.Contains("development signing key, which is refused outside Development", hub.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_ProductionWithOwnKey_ServesAndRefusesDevelopmentTokens()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var settings = new Dictionary<string, string?> { ["Hub:Auth:SigningKey"] = Convert.ToBase64String(key) };
        await using var factory = HubHost.Create("Production", HubHost.ScratchSqlite(), settings);
        var client = new GraphQLClient(factory.CreateClient());

        var (devResponse, devBody) = await client.SendAsync(GraphQLClient.Post("{ __typename }", token: GraphQLClient.StaffToken));
        var (ownResponse, ownBody) = await client.SendAsync(GraphQLClient.Post("{ __typename }", token: TestTokens.Sign(key, "clerk", ["staff"])));

        Assert.Equal(HttpStatusCode.Unauthorized, devResponse.StatusCode);
        Assert.Equal("UNAUTHENTICATED", (string?)devBody["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(HttpStatusCode.OK, ownResponse.StatusCode);
        Assert.Equal("Query", (string?)ownBody["data"]!["__typename"]);
    }

    [Fact]
    public void Options_ShortKey_Refused()
    {
        var options = new HubAuthOptions { SigningKey = Convert.ToBase64String(new byte[8]) };

        var problem = Assert.Single(options.Validate(isDevelopment: true, "Development"));

        Assert.Contains("at least 32 bytes", problem, StringComparison.Ordinal);
    }
}
