using Hub.Sync.Writing;

namespace Hub.Sync.Tests.Writing;

public sealed class DigestSetTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Add_AnswersAsAHashSetDoes_ThroughGrowth(int seed)
    {
        var random = new Random(seed);
        var set = new DigestSet();
        var reference = new HashSet<long>();

        // Full 64-bit digests, digests alike in their low bits (the slot), zero, and repeats, through several growths.
        for (var i = 0; i < 50_000; i++)
        {
            var digest = (random.Next(6)) switch
            {
                0 => 0L,
                1 => (long)random.Next(1000) << 40, // low bits all zero: one long probe chain
                2 when reference.Count > 0 => reference.ElementAt(random.Next(Math.Min(reference.Count, 50))),
                _ => random.NextInt64(long.MinValue, long.MaxValue),
            };

            Assert.Equal(reference.Add(digest), set.Add(digest));
        }

        Assert.Equal(reference.Count, set.Count);
        foreach (var digest in reference)
        {
            Assert.False(set.Add(digest));
        }
    }

    [Fact]
    public void SeenKeys_TakesAKeyOnce()
    {
        var seen = new SeenKeys();
        Assert.True(seen.Add("000000000001"));
        Assert.True(seen.Add("000000000002"));
        Assert.False(seen.Add("000000000001"));
    }
}
