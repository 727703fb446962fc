using Hub.Api.CommandLine;
using Hub.Api.Security;
using Microsoft.IdentityModel.JsonWebTokens;

namespace Hub.Api.Tests.CommandLine;

public sealed class TokenCommandTests
{
    [Fact]
    public void Run_Development_PrintsOnlyTheToken()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = TokenCommand.Run("Development", new HubAuthOptions(), new TokenCommand.TokenRequest("clerk", "staff,counter", null, 30, "kiosk-3"), output, error);

        Assert.Equal(0, code);
        var token = new JsonWebToken(output.ToString().Trim());
        Assert.Equal("clerk", token.Subject);
        Assert.Equal("kiosk-3", token.GetClaim("azp").Value);
        Assert.Equal(["staff", "counter"], token.Claims.Where(c => c.Type == "roles").Select(c => c.Value));
    }

    [Fact]
    public void Run_Resident_DefaultsToResidentPrincipal()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        TokenCommand.Run("Development", new HubAuthOptions(), new TokenCommand.TokenRequest(null, null, "200001", 10, null), output, error);

        var token = new JsonWebToken(output.ToString().Trim());
        Assert.Equal("resident-200001", token.Subject);
        Assert.Equal("200001", token.GetClaim("atena").Value);
        Assert.Equal(["resident"], token.Claims.Where(c => c.Type == "roles").Select(c => c.Value));
    }

    [Theory]
    [InlineData(null, "jpki")]
    [InlineData("password", "password")]
    [InlineData("JPKI", "jpki")]
    [InlineData("none", null)]
    public void Run_ResidentAcr_IsTheSignInClaim(string? acr, string? expected)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = TokenCommand.Run("Development", new HubAuthOptions(), new TokenCommand.TokenRequest(null, null, "200001", 10, null) { Acr = acr }, output, error);

        Assert.Equal(0, code);
        var token = new JsonWebToken(output.ToString().Trim());
        Assert.Equal(expected, token.TryGetClaim("acr", out var claim) ? claim.Value : null);
    }

    [Fact]
    public void Run_UnknownAcr_RefusedNamingTheOption()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = TokenCommand.Run("Development", new HubAuthOptions(), new TokenCommand.TokenRequest(null, null, "200001", 10, null) { Acr = "sms" }, output, error);

        Assert.Equal(2, code);
        Assert.Contains("--acr", error.ToString(), StringComparison.Ordinal);
        Assert.Empty(output.ToString());
    }

    [Fact]
    public void Run_Production_Refused()
    {
        using var output = new StringWriter();
        using var error = new StringWriter();

        var code = TokenCommand.Run("Production", new HubAuthOptions(), new TokenCommand.TokenRequest(null, null, null, 10, null), output, error);

        Assert.Equal(2, code);
        Assert.Empty(output.ToString());
        Assert.Contains("refused outside Development", error.ToString(), StringComparison.Ordinal);
    }
}
