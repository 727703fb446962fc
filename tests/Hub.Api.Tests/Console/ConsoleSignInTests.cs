using System.Net;
using System.Text.RegularExpressions;
using Hub.Api.Tests.GraphQL;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Hub.Api.Tests.PrivacyConsole;

/// <summary>
/// Who enters the console and how: only a privacy officer's valid token signs in; the cookie is HttpOnly, SameSite=Strict
/// and scoped to /console; a form without its antiforgery token is refused; without a cookie every page leads to sign-in.
/// </summary>
public sealed partial class ConsoleSignInTests(SqliteHubGraphQLFixture fixture) : IClassFixture<SqliteHubGraphQLFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/console")]
    [InlineData("/console/matrix")]
    [InlineData("/console/audit?atena=300001")]
    [InlineData("/console/drafts/1")]
    public async Task Page_WithoutSignIn_RedirectsToSignIn(string path)
    {
        await using var host = await fixture.HostAsync(_ => { });
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/console/signin", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignIn_PrivacyOfficer_GetsAStrictHttpOnlyCookie_AndTheConsole()
    {
        await using var host = await fixture.HostAsync(_ => { });
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await SignInAsync(client, Clerks.PrivacyOfficer);
        var cookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("hub-console=", StringComparison.Ordinal));
        using var console = await client.GetAsync(new Uri("/console", UriKind.Relative), Ct);
        var html = await console.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/console", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(Clerks.PrivacyOfficer, cookie, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, console.StatusCode);
        Assert.Contains("版と決裁", html, StringComparison.Ordinal);
        Assert.Contains("demo-privacy-officer", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tax-clerk", HttpStatusCode.Forbidden)]
    [InlineData("forged", HttpStatusCode.Unauthorized)]
    public async Task SignIn_NotAPrivacyOfficerOrNotAValidToken_RefusedWithoutACookie(string who, HttpStatusCode expected)
    {
        await using var host = await fixture.HostAsync(_ => { });
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var token = who == "forged" ? Clerks.PrivacyOfficer[..^4] + "AAAA" : Clerks.TaxClerk;

        using var response = await SignInAsync(client, token);

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith("hub-console=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Post_WithoutAntiforgeryToken_RefusedAndNothingCreated()
    {
        await using var host = await fixture.HostAsync(_ => { });
        using var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        (await SignInAsync(client, Clerks.PrivacyOfficer)).Dispose();
        var before = await client.GetStringAsync(new Uri("/console", UriKind.Relative), Ct);

        using var response = await client.PostAsync(new Uri("/console?handler=Create", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["reason"] = "偽の起案" }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("偽の起案", await client.GetStringAsync(new Uri("/console", UriKind.Relative), Ct), StringComparison.Ordinal);
        Assert.DoesNotContain("偽の起案", before, StringComparison.Ordinal);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string token)
    {
        var page = await client.GetStringAsync(new Uri("/console/signin", UriKind.Relative), Ct);
        var antiforgery = AntiforgeryField().Match(page).Groups[1].Value;
        return await client.PostAsync(new Uri("/console/signin", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["Token"] = token, ["__RequestVerificationToken"] = antiforgery }), Ct);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();
}
