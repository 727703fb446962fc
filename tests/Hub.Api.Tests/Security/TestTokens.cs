using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Hub.Api.Tests.Security;

/// <summary>Tokens signed with an arbitrary key, to prove the server refuses them.</summary>
internal static class TestTokens
{
    public static string Sign(byte[] key, string userId, string[] roles) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "municipalhub-dev",
        Audience = "municipalhub",
        Expires = DateTime.UtcNow.AddMinutes(5),
        Claims = new Dictionary<string, object> { ["sub"] = userId, ["roles"] = roles },
        Subject = new ClaimsIdentity(),
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
    });
}
