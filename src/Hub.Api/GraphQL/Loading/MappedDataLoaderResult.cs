using GraphQL.DataLoader;

namespace Hub.Api.GraphQL.Loading;

/// <summary>A deferred result mapped once it arrives; keeps a field batched while still checking its value.</summary>
internal sealed class MappedDataLoaderResult<T, TResult>(IDataLoaderResult<T> inner, Func<T, TResult> map) : IDataLoaderResult<TResult>
{
    public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
        map(await inner.GetResultAsync(cancellationToken).ConfigureAwait(false));

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
        await GetResultAsync(cancellationToken).ConfigureAwait(false);
}
