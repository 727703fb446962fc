using System.Net;
using System.Text;
using Hub.Api.Tests.Support;

namespace Hub.Api.Tests.Http;

/// <summary>
/// The CSRF rule: a GET, or a POST with a simple body type, is refused with 400 unless it carries a header a page
/// cannot send cross-site without a preflight (GraphQL-Require-Preflight or any X-Hub-* context header).
/// </summary>
public sealed class CsrfPreflightTests(HttpHubFixture hub) : IClassFixture<HttpHubFixture>
{
    private const string ContextInExtensions = "{\"hub\":{\"task\":\"resident-registry\",\"purpose\":\"csrf-test\"}}";

    [Fact]
    public async Task Get_WithoutPreflightHeader_Refused400BeforeAnythingRuns()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ __typename }") + "&extensions=" + Uri.EscapeDataString(ContextInExtensions));
        GraphQLClient.WithHeaders(request, GraphQLClient.StaffToken, task: null, purpose: null, caseId: null, accept: "application/graphql-response+json");

        var (response, body) = await hub.Development().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(body["data"]);
        Assert.Equal("BAD_REQUEST", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("GraphQL-Require-Preflight", (string?)body["errors"]![0]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_WithRequirePreflightHeader_Executes()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString("{ __typename }") + "&extensions=" + Uri.EscapeDataString(ContextInExtensions));
        GraphQLClient.WithHeaders(request, GraphQLClient.StaffToken, task: null, purpose: null, caseId: null, accept: "application/graphql-response+json");
        request.Headers.Add("GraphQL-Require-Preflight", "1");

        var (response, body) = await hub.Development().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Query", (string?)body["data"]!["__typename"]);
    }

    [Fact]
    public async Task Get_WithHubContextHeaders_Executes()
    {
        var (response, body) = await hub.Development().SendAsync(GraphQLClient.Get("{ __typename }"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Query", (string?)body["data"]!["__typename"]);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("multipart/form-data; boundary=x")]
    [InlineData(null)]
    public async Task Post_SimpleContentTypeWithoutPreflightHeader_Refused400(string? contentType)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("{\"query\":\"{ __typename }\",\"extensions\":" + ContextInExtensions + "}")),
        };
        if (contentType is not null)
        {
            request.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        GraphQLClient.WithHeaders(request, GraphQLClient.StaffToken, task: null, purpose: null, caseId: null, accept: "application/graphql-response+json");

        var (response, body) = await hub.Development().SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("cross-site request forgery", (string?)body["errors"]![0]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SimpleContentTypeWithPreflightHeader_PassesTheRuleAndGets415()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\":\"{ __typename }\"}", Encoding.UTF8, "text/plain") };
        GraphQLClient.WithHeaders(request, GraphQLClient.StaffToken, "resident-registry", "csrf-test", null, "application/graphql-response+json");

        var (response, _) = await hub.Development().SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_Json_NeedsNoPreflightHeader()
    {
        var request = GraphQLClient.Post("{ __typename }", task: null, purpose: null, caseId: null, extensions: new { hub = new { task = "resident-registry", purpose = "csrf-test" } });

        var (response, body) = await hub.Development().SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Query", (string?)body["data"]!["__typename"]);
    }
}
