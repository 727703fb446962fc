using System.Globalization;
using System.Text.Json.Nodes;
using Hub.Api.Intake;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Hub.Api.Tests.Intake;

/// <summary>
/// A portal's webhook endpoint on Kestrel, as a mail gateway would run one: it checks each post's signature with the
/// shared secret, answers 500 to the first <see cref="FailFirst"/> posts (to make the hub retry), then 204, and keeps
/// what it accepted, by delivery id (a repeat is counted, not kept twice).
/// </summary>
internal sealed class WebhookReceiver(WebApplication app, string secret) : IAsyncDisposable
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, JsonNode> _accepted = new(StringComparer.Ordinal);
    private int _posts;

    public string Url { get; private set; } = string.Empty;

    /// <summary>How many posts to refuse with 500 before accepting.</summary>
    public int FailFirst { get; set; }

    public int Posts => Volatile.Read(ref _posts);

    public int BadSignatures { get; private set; }

    public IReadOnlyDictionary<string, JsonNode> Accepted
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, JsonNode>(_accepted, StringComparer.Ordinal);
            }
        }
    }

    public static async Task<WebhookReceiver> StartAsync(string secret)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var receiver = new WebhookReceiver(app, secret);
        app.MapPost("/hook", receiver.HandleAsync);
        await app.StartAsync();
        receiver.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/') + "/hook";
        return receiver;
    }

    public ValueTask DisposeAsync() => app.DisposeAsync();

    private async Task<IResult> HandleAsync(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        if (Interlocked.Increment(ref _posts) <= FailFirst)
        {
            return Results.StatusCode(500);
        }

        var timestamp = long.Parse(request.Headers[WebhookSignature.TimestampHeader].ToString(), CultureInfo.InvariantCulture);
        if (!WebhookSignature.Verify(secret, timestamp, body, request.Headers[WebhookSignature.Header].ToString()))
        {
            lock (_gate)
            {
                BadSignatures++;
            }

            return Results.StatusCode(401);
        }

        lock (_gate)
        {
            _accepted[request.Headers[WebhookSignature.DeliveryHeader].ToString()] = JsonNode.Parse(body)!;
        }

        return Results.NoContent();
    }
}
