namespace Hub.Capabilities.Records;

/// <summary>Composition of deferred values.</summary>
public static class Deferred
{
    /// <summary>Maps the value once it arrives (the map may throw).</summary>
    public static IDeferred<TResult> Then<T, TResult>(this IDeferred<T> deferred, Func<T, TResult> map) => new Mapped<T, TResult>(deferred, map);

    private sealed class Mapped<T, TResult>(IDeferred<T> inner, Func<T, TResult> map) : IDeferred<TResult>
    {
        public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default) =>
            map(await inner.GetResultAsync(cancellationToken).ConfigureAwait(false));
    }
}
