using Hub.Api.GraphQL.Loading;
using Hub.Capabilities.Records;

namespace Hub.Api.Tests.GraphQL.Loading;

public sealed class BatchLoaderTests
{
    [Fact]
    public async Task Load_KeysBeforeFirstAwait_OneFetch()
    {
        var fetched = new List<IReadOnlyCollection<string>>();
        var loader = new BatchLoader<string, string>((keys, _) =>
        {
            fetched.Add(keys);
            return Task.FromResult<IReadOnlyDictionary<string, string>>(keys.ToDictionary(k => k, k => k.ToUpperInvariant()));
        });

        var a = loader.Load("a");
        var b = loader.Load("b");
        var again = loader.Load("a");

        Assert.Equal("A", await a.GetResultAsync(TestContext.Current.CancellationToken));
        Assert.Equal("B", await b.GetResultAsync(TestContext.Current.CancellationToken));
        Assert.Equal("A", await again.GetResultAsync(TestContext.Current.CancellationToken));
        Assert.Equal(["a", "b"], Assert.Single(fetched).Order());
    }

    [Fact]
    public async Task Load_AfterBatchStarted_NewBatchAndCachedOldKeys()
    {
        var fetches = 0;
        var loader = new BatchLoader<string, string>((keys, _) =>
        {
            fetches++;
            return Task.FromResult<IReadOnlyDictionary<string, string>>(keys.Where(k => k != "missing").ToDictionary(k => k, k => k));
        });

        await loader.Load("a").GetResultAsync(TestContext.Current.CancellationToken);
        var cached = await loader.Load("a").GetResultAsync(TestContext.Current.CancellationToken);
        var missing = await loader.Load("missing").GetResultAsync(TestContext.Current.CancellationToken);

        Assert.Equal("a", cached);
        Assert.Null(missing);
        Assert.Equal(2, fetches);
        Assert.Equal(2, loader.FetchCount);
    }
}
