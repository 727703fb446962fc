using Hub.Api.Security;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Hub.Api.Tests.Security;

public sealed class DevelopmentTokensTests
{
    [Fact]
    public void Issue_Staff_CarriesSubRolesIssuerAudience()
    {
        var token = new JsonWebToken(DevelopmentTokens.Issue("clerk-7", ["staff", "counter"], TimeSpan.FromMinutes(5)));

        Assert.Equal("clerk-7", token.Subject);
        Assert.Equal(["staff", "counter"], token.Claims.Where(c => c.Type == "roles").Select(c => c.Value));
        Assert.Equal("municipalhub-dev", token.Issuer);
        Assert.Equal(["municipalhub"], token.Audiences);
        Assert.False(token.TryGetClaim("atena", out _));
        Assert.InRange(token.ValidTo - token.ValidFrom, TimeSpan.FromMinutes(4.9), TimeSpan.FromMinutes(5.1));
    }

    [Fact]
    public void Issue_Resident_CarriesAtenaAndResidentRole()
    {
        var token = new JsonWebToken(DevelopmentTokens.Issue("portal-1", [], TimeSpan.FromMinutes(5), "200001"));

        Assert.Equal("200001", token.GetClaim("atena").Value);
        Assert.Equal(["resident"], token.Claims.Where(c => c.Type == "roles").Select(c => c.Value));
    }
}
