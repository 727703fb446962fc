using System.Net;
using Hub.Api.Security;
using Hub.Api.Tests.Support;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hub.Api.Tests.Security;

/// <summary>
/// Sign-in for production: the hub validates tokens of an OpenID Connect provider (<c>Hub:Auth:Authority</c>) through
/// ASP.NET Core's JWT bearer handler, against the provider's JWKS, which it fetches again when a token names a key it has
/// not seen (key rotation). The provider is a real one on Kestrel the test starts (<see cref="LocalTokenIssuer"/>).
/// </summary>
public sealed class OpenIdConnectSignInTests : IAsyncLifetime
{
    private LocalTokenIssuer? _issuer;
    private WebApplicationFactory<Program>? _hub;
    private HttpClient? _http;

    public async ValueTask InitializeAsync()
    {
        _issuer = await LocalTokenIssuer.StartAsync();
        _hub = HubHost.Create("Development", HubHost.ScratchSqlite(), new Dictionary<string, string?>
        {
            ["Hub:Auth:Authority"] = _issuer.Issuer,
            ["Hub:Auth:RequireHttpsMetadata"] = "false",
            ["Hub:Auth:UnknownKeyRefreshInterval"] = "00:00:01",
        });
        _http = _hub.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        _http?.Dispose();
        if (_hub is not null)
        {
            await HubHost.DisposeQuietlyAsync(_hub);
        }

        if (_issuer is not null)
        {
            await _issuer.DisposeAsync();
        }
    }

    [Fact]
    public async Task ProviderToken_Accepted_WrongAudienceIssuerOrKey_Refused()
    {
        Assert.Equal(HttpStatusCode.OK, await AskAsync(_issuer!.Token(HubAuthOptions.DefaultAudience)));

        Assert.Equal(HttpStatusCode.Unauthorized, await AskAsync(_issuer.Token("another-service")));
        Assert.Equal(HttpStatusCode.Unauthorized, await AskAsync(_issuer.Token(HubAuthOptions.DefaultAudience, issuer: "https://idp.example.invalid")));
        Assert.Equal(HttpStatusCode.Unauthorized, await AskAsync(_issuer.Token(HubAuthOptions.DefaultAudience, key: LocalTokenIssuer.NewKey())));

        // Nor is a development token (the shared key is not used when a provider is configured).
        Assert.Equal(HttpStatusCode.Unauthorized, await AskAsync(DevelopmentTokens.Issue("dev", ["staff"], TimeSpan.FromMinutes(5))));
    }

    [Fact]
    public async Task KeyRotation_ATokenSignedWithTheNewKey_IsAcceptedOnceTheHubRefetchesTheKeys()
    {
        Assert.Equal(HttpStatusCode.OK, await AskAsync(_issuer!.Token(HubAuthOptions.DefaultAudience)));
        var fetchesBefore = _issuer.JwksFetches;

        _issuer.Rotate();
        var token = _issuer.Token(HubAuthOptions.DefaultAudience);

        // The first token naming the new kid makes the handler ask for the keys again (at most once a second here); the
        // fetch runs beside the request, so the token is accepted within a few tries.
        var status = HttpStatusCode.Unauthorized;
        for (var attempt = 0; attempt < 40 && status != HttpStatusCode.OK; attempt++)
        {
            status = await AskAsync(token);
            if (status != HttpStatusCode.OK)
            {
                await Task.Delay(250, TestContext.Current.CancellationToken);
            }
        }

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(_issuer.JwksFetches > fetchesBefore);
    }

    [Fact]
    public void Options_EveryProblem_InOneList()
    {
        var options = new HubAuthOptions
        {
            Authority = "ftp://idp",
            MetadataAddress = "http://idp.example/.well-known/openid-configuration",
            SigningKey = Convert.ToBase64String(new byte[32]),
            KeyRefreshInterval = TimeSpan.Zero,
            UnknownKeyRefreshInterval = TimeSpan.Zero,
        };

        var problems = options.Validate(isDevelopment: false, "Production");

        Assert.Equal(5, problems.Count);
        Assert.Contains(problems, p => p.Contains("SigningKey and Hub:Auth:Authority", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Hub:Auth:Authority must be an absolute http(s) URL", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("Hub:Auth:MetadataAddress uses http", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("KeyRefreshInterval", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("UnknownKeyRefreshInterval", StringComparison.Ordinal));
        Assert.Empty(new HubAuthOptions { Authority = "https://idp.example" }.Validate(isDevelopment: false, "Production"));
    }

    private async Task<HttpStatusCode> AskAsync(string token)
    {
        using var request = GraphQLClient.Post("{ __typename }", token: token, task: "resident-registry");
        using var response = await _http!.SendAsync(request, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }
}
