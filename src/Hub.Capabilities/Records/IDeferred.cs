namespace Hub.Capabilities.Records;

/// <summary>
/// A value a <see cref="BatchLoader{TKey, TValue}"/> will fetch: asking for several before awaiting any lets them be
/// fetched together. A transport adapts it to its own deferred type (GraphQL's data loader results).
/// </summary>
/// <typeparam name="T">The value.</typeparam>
public interface IDeferred<T>
{
    /// <summary>The value, fetching it (with everything asked for alongside) on first use.</summary>
    Task<T> GetResultAsync(CancellationToken cancellationToken = default);
}
