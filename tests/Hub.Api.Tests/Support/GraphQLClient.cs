using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Hub.Api.Security;

namespace Hub.Api.Tests.Support;

/// <summary>Sends GraphQL-over-HTTP requests the way a counter system does.</summary>
internal sealed class GraphQLClient(HttpClient http)
{
    /// <summary>A fresh 10-minute staff token on every read: one issued once per run expired during a full run on a loaded machine.</summary>
    public static string StaffToken => DevelopmentTokens.Issue("counter-clerk-1", ["staff", "counter"], TimeSpan.FromMinutes(10));

    public HttpClient Http { get; } = http;

    public static HttpRequestMessage Post(
        string query,
        object? variables = null,
        string? token = null,
        string? task = "JUMIN-001",
        string? purpose = "窓口での住民票確認",
        string? caseId = "CASE-42",
        object? extensions = null,
        string? accept = "application/graphql-response+json")
    {
        var body = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            body["variables"] = JsonSerializer.SerializeToNode(variables);
        }

        if (extensions is not null)
        {
            body["extensions"] = JsonSerializer.SerializeToNode(extensions);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return WithHeaders(request, token ?? StaffToken, task, purpose, caseId, accept);
    }

    public static HttpRequestMessage Get(string query, string? token = null, string? task = "JUMIN-001", string? purpose = "窓口での住民票確認", string? accept = "application/graphql-response+json") =>
        WithHeaders(new HttpRequestMessage(HttpMethod.Get, "/graphql?query=" + Uri.EscapeDataString(query)), token ?? StaffToken, task, purpose, null, accept);

    public static HttpRequestMessage WithHeaders(HttpRequestMessage request, string? token, string? task, string? purpose, string? caseId, string? accept)
    {
        if (token is not null && token.Length > 0)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (task is not null)
        {
            request.Headers.Add("X-Hub-Task", task);
        }

        if (purpose is not null)
        {
            request.Headers.Add("X-Hub-Purpose", Uri.EscapeDataString(purpose));
        }

        if (caseId is not null)
        {
            request.Headers.Add("X-Hub-Case", caseId);
        }

        if (accept is not null)
        {
            request.Headers.Accept.ParseAdd(accept);
        }

        return request;
    }

    public async Task<(HttpResponseMessage Response, JsonNode Body)> SendAsync(HttpRequestMessage request)
    {
        var response = await Http.SendAsync(request, TestContext.Current.CancellationToken);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return (response, JsonNode.Parse(text)!);
    }
}
