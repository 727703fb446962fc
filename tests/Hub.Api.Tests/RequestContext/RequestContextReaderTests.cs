using System.Security.Claims;
using System.Text.Json;
using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;
using Microsoft.AspNetCore.Http;

namespace Hub.Api.Tests.RequestContext;

public sealed class RequestContextReaderTests
{
    private static readonly ClaimsPrincipal Resident = new(new ClaimsIdentity(
        [new Claim("sub", "portal-1"), new Claim("roles", "resident"), new Claim("atena", "200001"), new Claim("azp", "portal-app")], "test"));

    [Fact]
    public void Read_Headers_BuildsContextWithPrincipal()
    {
        var headers = new HeaderDictionary
        {
            ["X-Hub-Task"] = "JUMIN-001",
            ["X-Hub-Purpose"] = Uri.EscapeDataString("窓口での確認"),
            ["X-Hub-Case"] = "C-1",
        };

        var (context, missing) = RequestContextReader.Read(headers, null, Resident);

        Assert.Empty(missing);
        var roles = context!.Roles;
        Assert.Equal(new HubRequestContext("JUMIN-001", "窓口での確認", "C-1", "portal-1", roles, "200001", "portal-app"), context);
        Assert.Equal(["resident"], roles);
        Assert.True(context.IsResident);
    }

    [Fact]
    public void Read_Extensions_FillWhatHeadersLack_HeaderWins()
    {
        using var extensions = JsonDocument.Parse("""{"hub": {"task": "EXT-TASK", "purpose": "確認", "case": "C-9", "client": "kiosk"}}""");
        var headers = new HeaderDictionary { ["X-Hub-Task"] = "HDR-TASK" };

        var (context, _) = RequestContextReader.Read(headers, extensions.RootElement, Resident);

        Assert.Equal("HDR-TASK", context!.Task);
        Assert.Equal("確認", context.Purpose);
        Assert.Equal("C-9", context.Case);
        Assert.Equal("kiosk", context.ClientId);
    }

    [Fact]
    public void Read_NothingGiven_NamesBothMissing()
    {
        var (context, missing) = RequestContextReader.Read(new HeaderDictionary(), null, Resident);

        Assert.Null(context);
        Assert.Equal(["X-Hub-Task", "X-Hub-Purpose"], missing);
    }
}
