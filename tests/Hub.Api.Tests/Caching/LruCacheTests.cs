using Hub.Api.Caching;

namespace Hub.Api.Tests.Caching;

/// <summary>The bounded cache: when full it drops the entry used least recently, not everything.</summary>
public sealed class LruCacheTests
{
    [Fact]
    public void Set_Full_DropsTheLeastRecentlyUsedOnly()
    {
        var cache = new LruCache<string, int>(3, StringComparer.Ordinal);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.Set("c", 3);
        Assert.True(cache.TryGet("a", out _));

        cache.Set("d", 4);

        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal(1, a);
        Assert.True(cache.TryGet("c", out _));
        Assert.True(cache.TryGet("d", out _));
    }

    [Fact]
    public void Set_ExistingKey_ReplacesTheValueWithoutGrowing()
    {
        var cache = new LruCache<string, int>(2, StringComparer.Ordinal);
        cache.Set("a", 1);

        cache.Set("a", 2);

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("a", out var value));
        Assert.Equal(2, value);
    }

    [Fact]
    public void Remove_Kept_IsNoLongerFound()
    {
        var cache = new LruCache<string, int>(2, StringComparer.Ordinal);
        cache.Set("a", 1);

        cache.Remove("a");

        Assert.False(cache.TryGet("a", out _));
        Assert.Equal(0, cache.Count);
    }
}
