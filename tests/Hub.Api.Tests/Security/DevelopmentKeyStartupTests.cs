using System.Net;
using System.Security.Cryptography;
using Hub.Api.Security;
using Hub.Api.Tests.Support;

namespace Hub.Api.Tests.Security;

/// <summary>The development signing key is refused outside Development; a key of one's own is accepted there.</summary>
public sealed class DevelopmentKeyStartupTests
{
    private const string Refused = "development signing key is refused outside Development";

    [Fact]
    public void Startup_ProductionWithoutKey_FailsNamingTheSetting()
    {
        using var factory = HubHost.Create("Production", HubHost.ScratchSqlite());

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = Flatten(error);
        Assert.Contains(Refused, message, StringComparison.Ordinal);
        Assert.Contains("Hub:Auth:SigningKey", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Startup_ProductionWithTheDevelopmentKey_Fails()
    {
        var settings = new Dictionary<string, string?> { ["Hub:Auth:SigningKey"] = Convert.ToBase64String(DevelopmentTokens.DevelopmentKey()) };
        using var factory = HubHost.Create("Production", HubHost.ScratchSqlite(), settings);

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        Assert.Contains("development signing key, which is refused outside Development", Flatten(error), StringComparison.Ordinal);
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

    private static string Flatten(Exception error)
    {
        var messages = new List<string>();
        for (var e = error; e is not null; e = e.InnerException)
        {
            messages.Add(e.Message);
        }

        return string.Join(" | ", messages);
    }
}
