using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hub.Api.Security;

/// <summary>Writes signed bearer tokens in the shape the hub validates (HS256, <c>sub</c>, <c>roles</c>, optional <c>atena</c>).</summary>
internal static class HubTokenIssuer
{
    public static string Issue(
        byte[] key,
        string issuer,
        string audience,
        string userId,
        IReadOnlyList<string> roles,
        TimeSpan lifetime,
        string? atenaNumber,
        string? clientId,
        TimeProvider time,
        string? acr = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(userId);
        ArgumentNullException.ThrowIfNull(roles);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero);

        var allRoles = roles.Where(r => !string.IsNullOrWhiteSpace(r)).Select(r => r.Trim()).ToList();
        if (atenaNumber is not null && !allRoles.Contains(HubClaimTypes.ResidentRole, StringComparer.Ordinal))
        {
            allRoles.Add(HubClaimTypes.ResidentRole);
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            [HubClaimTypes.Subject] = userId,
            [HubClaimTypes.Roles] = allRoles.ToArray(),
        };
        if (atenaNumber is not null)
        {
            claims[HubClaimTypes.AtenaNumber] = atenaNumber;
        }

        if (acr is not null)
        {
            claims[Hub.Capabilities.Agency.AssuranceLevels.Claim] = acr;
        }

        if (clientId is not null)
        {
            claims[HubClaimTypes.AuthorizedParty] = clientId;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            Claims = claims,
            Subject = new ClaimsIdentity(),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }
}
