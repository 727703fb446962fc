using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Hub.Capabilities.Intake.Delivery;

namespace Hub.Api.Intake;

/// <summary>
/// Posts each notice as JSON to the configured webhook, signed (<see cref="WebhookSignature"/>); with its title and message
/// only where <see cref="WebhookOptions.IncludeText"/> says so. A non-2xx answer or a
/// timeout throws, so the outbox retries it with backoff; the same notice keeps its <c>X-Hub-Delivery</c> id.
/// </summary>
internal sealed class WebhookNoticeSink(HttpClient http, WebhookOptions options, TimeProvider time) : INoticeSink
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public bool SendsText => options.IncludeText;

    public async Task SendAsync(NoticeDelivery notice, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var body = JsonSerializer.SerializeToUtf8Bytes(new { type = "notice", notice = notice }, Json);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, options.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(options.Secret!, timestamp, body));
        request.Headers.Add(WebhookSignature.DeliveryHeader, notice.DeliveryId);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        using var response = await http.SendAsync(request, timeout.Token).ConfigureAwait(false);
        response.EnsureSuccessStatusCode();
    }
}
