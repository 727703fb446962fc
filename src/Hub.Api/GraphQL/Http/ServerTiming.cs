using System.Globalization;

namespace Hub.Api.GraphQL.Http;

/// <summary>
/// The <c>Server-Timing</c> header (W3C Server Timing) of the endpoint's answers: <c>hub;dur=1.234</c>, the
/// milliseconds from the request reaching the endpoint to its answer's headers. Browsers' developer tools show it; the
/// limits benchmark reads it to tell the hub's time for a refusal from the round trip.
/// </summary>
internal static class ServerTiming
{
    /// <summary>The metric's name.</summary>
    public const string Metric = "hub";

    /// <summary>The header value for <paramref name="elapsed"/>.</summary>
    public static string Format(TimeSpan elapsed) =>
        string.Create(CultureInfo.InvariantCulture, $"{Metric};dur={elapsed.TotalMilliseconds:0.###}");
}
