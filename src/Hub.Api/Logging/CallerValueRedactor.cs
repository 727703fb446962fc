using Serilog.Core;
using Serilog.Events;

namespace Hub.Api.Logging;

/// <summary>
/// Removes from every log event the properties that carry what a caller sent: ASP.NET Core puts the request's path and
/// query string on its own events and, as a scope, on every event logged during a request (<c>RequestPath</c>). A path
/// holds ids (<c>/exports/push-targets/{id}</c>) and a query string holds GraphQL queries and their values, so neither
/// belongs in a log line; nor do the request's <c>Content-Type</c> (an upload's declared type is the caller's text) and
/// <c>Host</c> headers, which ASP.NET Core logs with every request. Method, status, timing, route pattern and request id stay.
/// </summary>
internal sealed class CallerValueRedactor : ILogEventEnricher
{
    /// <summary>The properties removed.</summary>
    public static readonly IReadOnlyList<string> Properties = ["RequestPath", "Path", "PathBase", "QueryString", "Url", "RequestUri", "Referer", "UserAgent", "ContentType", "Host"];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var name in Properties)
        {
            logEvent.RemovePropertyIfPresent(name);
        }
    }
}
