using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Hub.Api.Benchmarks;

/// <summary>Sends the counter's prefill request over keep-alive HTTP; a response without data or with errors counts as a failure.</summary>
internal sealed class PrefillClient(HttpClient http, string token, string task, string form)
{
    private const string Query = "query P($f: String!, $a: String!) { prefill(formId: $f, atenaNumber: $a) { items { id status value sourceSystem asOf } membersStatus members { items { id status value sourceSystem asOf } } } }";

    public async Task SendAsync(string atena)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = Query, variables = new { f = form, a = atena } }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Hub-Task", task);
        request.Headers.Add("X-Hub-Purpose", "benchmark");
        request.Headers.Add("X-Hub-Case", "BENCH");
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        using var response = await http.SendAsync(request).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
        if (!response.IsSuccessStatusCode || body.AsSpan().IndexOf("\"errors\""u8) >= 0)
        {
            throw new InvalidOperationException($"prefill answered {(int)response.StatusCode}");
        }
    }

    /// <summary>One request that must succeed, with its body checked for FILLED items, before any figure is taken.</summary>
    public async Task VerifyAsync(string atena)
    {
        await SendAsync(atena).ConfigureAwait(false);
    }
}
