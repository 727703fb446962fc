using System.Security.Cryptography;
using Hub.Api.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hub.Api.Tests.Http;

/// <summary>
/// Two hosts over a scratch database for the HTTP surface's tests: Development with small limits (depth 4, complexity
/// 40, page size 10) and Production with a signing key of its own. The tests ask nothing of the database.
/// </summary>
public sealed class HttpHubFixture : IAsyncDisposable
{
    public const int MaxDepth = 4;
    public const int MaxComplexity = 40;

    private readonly Lazy<WebApplicationFactory<Program>> _development = new(() => HubHost.Create("Development", HubHost.ScratchSqlite(), new Dictionary<string, string?>
    {
        ["Hub:GraphQL:MaxDepth"] = MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Hub:GraphQL:MaxComplexity"] = MaxComplexity.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Hub:GraphQL:MaxPageSize"] = "10",
    }));

    private readonly Lazy<WebApplicationFactory<Program>> _production;

    public HttpHubFixture()
    {
        _production = new(() => HubHost.Create("Production", HubHost.ScratchSqlite(), new Dictionary<string, string?>
        {
            ["Hub:Auth:SigningKey"] = Convert.ToBase64String(ProductionKey),
        }));
    }

    /// <summary>The Production host's signing key (for <see cref="Security.TestTokens.Sign"/>).</summary>
    public byte[] ProductionKey { get; } = RandomNumberGenerator.GetBytes(32);

    internal GraphQLClient Development() => new(_development.Value.CreateClient());

    internal GraphQLClient Production() => new(_production.Value.CreateClient());

    internal HttpClient DevelopmentHttp() => _development.Value.CreateClient();

    internal HttpClient ProductionHttp() => _production.Value.CreateClient();

    public async ValueTask DisposeAsync()
    {
        if (_development.IsValueCreated)
        {
            await _development.Value.DisposeAsync();
        }

        if (_production.IsValueCreated)
        {
            await _production.Value.DisposeAsync();
        }
    }
}
