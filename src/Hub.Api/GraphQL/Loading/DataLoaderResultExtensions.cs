using GraphQL.DataLoader;

namespace Hub.Api.GraphQL.Loading;

/// <summary>Composition of deferred results.</summary>
internal static class DataLoaderResultExtensions
{
    /// <summary>Maps the result once it arrives (the map may throw an <c>ExecutionError</c>).</summary>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> map) =>
        new MappedDataLoaderResult<T, TResult>(result, map);
}
