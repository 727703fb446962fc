using Hub.Api.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Hub.Api.Extensions;

/// <summary>Bearer-token (JWT) authentication from section <c>Hub:Auth</c>, validated at startup.</summary>
internal static class AuthenticationExtensions
{
    /// <summary>
    /// Registers JWT bearer authentication: by the city's OpenID Connect provider (<c>Hub:Auth:Authority</c> or
    /// <c>MetadataAddress</c>) or by a shared key. Throws <see cref="HubAuthConfigurationException"/> (one message listing
    /// every problem) when the settings are unusable, e.g. no key or the development key outside Development.
    /// </summary>
    public static WebApplicationBuilder AddHubAuthentication(this WebApplicationBuilder builder)
    {
        var options = new HubAuthOptions();
        builder.Configuration.GetSection(HubAuthOptions.SectionName).Bind(options);
        var problems = options.Validate(builder.Environment.IsDevelopment(), builder.Environment.EnvironmentName);
        if (problems.Count > 0)
        {
            throw new HubAuthConfigurationException(string.Join(Environment.NewLine, problems));
        }

        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton<ValidatedTokenCache>();
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(jwt =>
            {
                jwt.MapInboundClaims = false;
                if (options.UsesOpenIdConnect)
                {
                    UseOpenIdConnect(jwt, options);
                    return;
                }

                jwt.TokenValidationParameters = Common(options);
                jwt.TokenValidationParameters.ValidIssuer = options.Issuer;
                jwt.TokenValidationParameters.IssuerSigningKey = new SymmetricSecurityKey(options.EffectiveKey());
                jwt.TokenValidationParameters.ValidAlgorithms = [SecurityAlgorithms.HmacSha256];
            });
        return builder;
    }

    // The provider's metadata names its issuer and JWKS; the handler validates against both. Its keys are fetched again
    // every KeyRefreshInterval and, when a token names a key id not among them (the provider rotated its keys), at once —
    // at most every UnknownKeyRefreshInterval.
    private static void UseOpenIdConnect(JwtBearerOptions jwt, HubAuthOptions options)
    {
        jwt.Authority = string.IsNullOrWhiteSpace(options.Authority) ? null : options.Authority;
        var metadata = string.IsNullOrWhiteSpace(options.MetadataAddress)
            ? options.Authority!.TrimEnd('/') + "/.well-known/openid-configuration"
            : options.MetadataAddress;
        jwt.MetadataAddress = metadata;
        jwt.Audience = options.Audience;
        jwt.RequireHttpsMetadata = options.RequireHttpsMetadata;
        jwt.RefreshOnIssuerKeyNotFound = true;
        jwt.AutomaticRefreshInterval = options.KeyRefreshInterval;
        jwt.RefreshInterval = options.UnknownKeyRefreshInterval;
        jwt.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
            metadata,
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever { RequireHttps = options.RequireHttpsMetadata })
        {
            AutomaticRefreshInterval = options.KeyRefreshInterval,
            RefreshInterval = options.UnknownKeyRefreshInterval,
        };
        jwt.TokenValidationParameters = Common(options);
        jwt.TokenValidationParameters.ValidAlgorithms =
        [
            SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
            SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
            SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512,
        ];
    }

    private static TokenValidationParameters Common(HubAuthOptions options) => new()
    {
        ValidAudience = options.Audience,
        ValidateIssuer = true,
        ValidateAudience = true,
        ValidateLifetime = true,
        ValidateIssuerSigningKey = true,
        RequireExpirationTime = true,
        RequireSignedTokens = true,
        ClockSkew = options.ClockSkew,
        NameClaimType = HubClaimTypes.Subject,
        RoleClaimType = HubClaimTypes.Roles,
    };
}
