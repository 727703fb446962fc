using System.Net;
using System.Text.RegularExpressions;

namespace Hub.Api.Tests.Http;

/// <summary>GraphiQL at /graphql/ui: served from the executable in Development only, with nothing from elsewhere.</summary>
public sealed partial class GraphiQLPageTests(HttpHubFixture hub) : IClassFixture<HttpHubFixture>
{
    [Fact]
    public async Task Page_InDevelopment_HtmlWithTokenAndContextHeadersAndAStrictPolicy()
    {
        var response = await hub.DevelopmentHttp().GetAsync("/graphql/ui", TestContext.Current.CancellationToken);
        var html = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("id=\"hub-graphiql-config\"", html, StringComparison.Ordinal);
        Assert.Contains("Bearer ey", html, StringComparison.Ordinal);
        Assert.Contains("X-Hub-Task", html, StringComparison.Ordinal);
        Assert.Contains("X-Hub-Purpose", html, StringComparison.Ordinal);
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Page_RefersOnlyToTheHubOrDataUrls()
    {
        var html = await hub.DevelopmentHttp().GetStringAsync("/graphql/ui", TestContext.Current.CancellationToken);

        var references = References().Matches(html).Select(m => m.Groups["url"].Value).ToList();

        Assert.NotEmpty(references);
        Assert.All(references, url => Assert.True(url.StartsWith("/graphql/ui/", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), url));
    }

    [Theory]
    [InlineData("/graphql/ui/graphiql.js", "text/javascript")]
    [InlineData("/graphql/ui/graphiql.css", "text/css")]
    public async Task Bundle_InDevelopment_Served(string path, string mediaType)
    {
        var response = await hub.DevelopmentHttp().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType!.MediaType);
        Assert.True((await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)).Length > 10_000);
    }

    [Theory]
    [InlineData("/graphql/ui/index.html")]
    [InlineData("/graphql/ui/secrets.json")]
    public async Task OtherFiles_InDevelopment_NotFound(string path)
    {
        var response = await hub.DevelopmentHttp().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("/graphql/ui")]
    [InlineData("/graphql/ui/graphiql.js")]
    [InlineData("/graphql/ui/graphiql.css")]
    public async Task OutsideDevelopment_NotFound(string path)
    {
        var response = await hub.ProductionHttp().GetAsync(path, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [GeneratedRegex("(?:src|href)=\"(?<url>[^\"]*)\"")]
    private static partial Regex References();
}
