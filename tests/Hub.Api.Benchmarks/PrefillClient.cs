using System.Buffers;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Hub.Api.Benchmarks;

/// <summary>
/// Sends the counter's prefill request over keep-alive HTTP; a response without data or with errors counts as a failure.
/// Kept cheap, since it shares the two cores with the hub: each applicant's body is encoded once, headers are added
/// without parsing, and the response is read into a pooled buffer.
/// </summary>
internal sealed class PrefillClient(HttpClient http, string token, string task, string form)
{
    private const string Query = "query P($f: String!, $a: String!) { prefill(formId: $f, atenaNumber: $a) { items { id status value sourceSystem asOf } membersStatus members { items { id status value sourceSystem asOf } } } }";
    private static readonly Uri Endpoint = new("/graphql", UriKind.Relative);
    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };
    private readonly string _authorization = "Bearer " + token;
    private readonly Dictionary<string, byte[]> _bodies = new(StringComparer.Ordinal);

    /// <summary>Encodes the request bodies of <paramref name="applicants"/> before any figure is taken.</summary>
    public void Prepare(IEnumerable<string> applicants)
    {
        foreach (var atena in applicants)
        {
            _bodies[atena] = JsonSerializer.SerializeToUtf8Bytes(new { query = Query, variables = new { f = form, a = atena } });
        }
    }

    public async Task SendAsync(string atena)
    {
        if (!_bodies.TryGetValue(atena, out var body))
        {
            throw new InvalidOperationException($"{atena} was not prepared.");
        }

        var content = new ByteArrayContent(body);
        content.Headers.ContentType = Json;
        using var request = new HttpRequestMessage(HttpMethod.Post, Endpoint) { Content = content };
        request.Headers.TryAddWithoutValidation("Authorization", _authorization);
        request.Headers.TryAddWithoutValidation("X-Hub-Task", task);
        request.Headers.TryAddWithoutValidation("X-Hub-Purpose", "benchmark");
        request.Headers.TryAddWithoutValidation("X-Hub-Case", "BENCH");
        request.Headers.TryAddWithoutValidation("Accept", "application/graphql-response+json");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            var length = 0;
            await using var stream = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(length)).ConfigureAwait(false)) > 0)
            {
                length += read;
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }
            }

            if (!response.IsSuccessStatusCode || length == 0 || buffer.AsSpan(0, length).IndexOf("\"errors\""u8) >= 0)
            {
                throw new InvalidOperationException($"prefill answered {(int)response.StatusCode}");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>One request that must succeed, with its body checked for FILLED items, before any figure is taken.</summary>
    public async Task VerifyAsync(string atena)
    {
        await SendAsync(atena).ConfigureAwait(false);
    }
}
