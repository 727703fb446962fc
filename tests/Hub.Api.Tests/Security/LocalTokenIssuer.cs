using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hub.Api.Tests.Security;

/// <summary>
/// A tiny OpenID Connect provider on Kestrel, as a city's would be: <c>/.well-known/openid-configuration</c> and <c>/jwks</c>
/// with ECDSA P-256 keys it generates, one signing key at a time; <see cref="Rotate"/> publishes a new one.
/// </summary>
internal sealed class LocalTokenIssuer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<ECDsaSecurityKey> _published = [];
    private readonly Lock _gate = new();

    private LocalTokenIssuer(WebApplication app) => _app = app;

    /// <summary>The issuer URL (<c>iss</c>, and the authority the hub is given).</summary>
    public string Issuer { get; private set; } = string.Empty;

    /// <summary>The key tokens are signed with now.</summary>
    public ECDsaSecurityKey Current { get; private set; } = NewKey();

    /// <summary>How many times the hub fetched the key set.</summary>
    public int JwksFetches { get; private set; }

    public static async Task<LocalTokenIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var issuer = new LocalTokenIssuer(app);
        issuer._published.Add(issuer.Current);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new JsonObject
        {
            ["issuer"] = issuer.Issuer,
            ["jwks_uri"] = issuer.Issuer + "/jwks",
            ["id_token_signing_alg_values_supported"] = new JsonArray("ES256"),
        }));
        app.MapGet("/jwks", () =>
        {
            lock (issuer._gate)
            {
                issuer.JwksFetches++;
                return Results.Json(new JsonObject { ["keys"] = new JsonArray([.. issuer._published.Select(Jwk)]) });
            }
        });
        await app.StartAsync();
        issuer.Issuer = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        return issuer;
    }

    /// <summary>Signs with a new key from now on and publishes it beside the old one (as providers roll keys over).</summary>
    public void Rotate()
    {
        lock (_gate)
        {
            Current = NewKey();
            _published.Add(Current);
        }
    }

    /// <summary>A token for <paramref name="audience"/>, signed with <paramref name="key"/> (default the current one).</summary>
    public string Token(string audience, string? issuer = null, ECDsaSecurityKey? key = null, string subject = "oidc-clerk") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Issuer,
            Audience = audience,
            IssuedAt = DateTime.UtcNow,
            NotBefore = DateTime.UtcNow,
            Expires = DateTime.UtcNow.AddMinutes(10),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["roles"] = new[] { "staff" } },
            SigningCredentials = new SigningCredentials(key ?? Current, SecurityAlgorithms.EcdsaSha256),
        });

    /// <summary>A key the provider never published.</summary>
    public static ECDsaSecurityKey NewKey() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256)) { KeyId = Guid.NewGuid().ToString("N")[..16] };

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static JsonNode Jwk(ECDsaSecurityKey key)
    {
        var p = key.ECDsa.ExportParameters(false);
        return new JsonObject
        {
            ["kty"] = "EC",
            ["crv"] = "P-256",
            ["x"] = Base64UrlEncoder.Encode(p.Q.X),
            ["y"] = Base64UrlEncoder.Encode(p.Q.Y),
            ["kid"] = key.KeyId,
            ["use"] = "sig",
            ["alg"] = "ES256",
        };
    }
}
