namespace Hub.Api.Benchmarks;

/// <summary>One request the limits benchmark sends again and again, and the answer it must get every time.</summary>
/// <param name="Name">What the request is, for the table.</param>
/// <param name="Body">The POST body, encoded once before timing.</param>
/// <param name="Status">The status it must be answered with.</param>
/// <param name="Setting">The <c>Hub:GraphQL</c> setting its <c>LIMIT_EXCEEDED</c> must name; null for a request that must execute without errors.</param>
/// <param name="LargeDocuments">Sent to the hub whose document size limit lets 100,000 tokens through to the token limit.</param>
internal sealed record LimitShape(string Name, byte[] Body, int Status, string? Setting, bool LargeDocuments = false);
