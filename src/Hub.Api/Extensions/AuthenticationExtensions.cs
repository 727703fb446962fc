using Hub.Api.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Hub.Api.Extensions;

/// <summary>Bearer-token (JWT) authentication from section <c>Hub:Auth</c>, validated at startup.</summary>
internal static class AuthenticationExtensions
{
    /// <summary>
    /// Registers JWT bearer authentication. Throws <see cref="HubAuthConfigurationException"/> (one message listing every
    /// problem) when the settings are unusable, e.g. no key or the development key outside Development.
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
                jwt.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = options.Issuer,
                    ValidAudience = options.Audience,
                    IssuerSigningKey = new SymmetricSecurityKey(options.EffectiveKey()),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireExpirationTime = true,
                    ClockSkew = options.ClockSkew,
                    NameClaimType = HubClaimTypes.Subject,
                    RoleClaimType = HubClaimTypes.Roles,
                };
            });
        return builder;
    }
}
