using GraphQL.DataLoader;
using Hub.Capabilities.Records;

namespace Hub.Api.GraphQL.Loading;

/// <summary>The capability layer's deferred values, as GraphQL.NET's data loader results (so a field stays batched).</summary>
internal static class DataLoaderResultExtensions
{
    /// <summary><paramref name="deferred"/> as a result GraphQL.NET awaits after the level's other fields have asked for theirs.</summary>
    public static IDataLoaderResult<T> ForGraphQL<T>(this IDeferred<T> deferred) => new Result<T>(deferred);

    private sealed class Result<T>(IDeferred<T> deferred) : IDataLoaderResult<T>
    {
        public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => deferred.GetResultAsync(cancellationToken);

        async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
            await deferred.GetResultAsync(cancellationToken).ConfigureAwait(false);
    }
}
