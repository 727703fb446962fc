using System.Numerics;

namespace Hub.Demo.City;

/// <summary>
/// xoshiro256** seeded through SplitMix64. The demo city must be byte-identical for a seed on every
/// machine and runtime version; <see cref="System.Random"/>'s seeded algorithm is stable only by
/// convention, so the generator carries its own.
/// </summary>
internal sealed class DemoRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    /// <summary>An independent stream for (<paramref name="seed"/>, <paramref name="stream"/>), e.g. one per household.</summary>
    public DemoRandom(long seed, ulong stream)
    {
        var x = (ulong)seed;
        x = Mix(ref x) ^ (stream * 0xD1B54A32D192ED03UL);
        _s0 = Mix(ref x);
        _s1 = Mix(ref x);
        _s2 = Mix(ref x);
        _s3 = Mix(ref x);
    }

    /// <summary>SplitMix64 step: also used to hash keys into reproducible values.</summary>
    public static ulong Mix(ref ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        var z = x;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A reproducible hash of a few numbers.</summary>
    public static ulong Hash(long a, long b, long c = 0)
    {
        var x = (ulong)a;
        var h = Mix(ref x);
        x = h ^ (ulong)b;
        h = Mix(ref x);
        x = h ^ (ulong)c;
        return Mix(ref x);
    }

    public ulong NextUInt64()
    {
        var result = BitOperations.RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>0 ≤ result &lt; <paramref name="maxExclusive"/>.</summary>
    public int Next(int maxExclusive) => (int)(((NextUInt64() >> 32) * (ulong)maxExclusive) >> 32);

    /// <summary><paramref name="min"/> ≤ result ≤ <paramref name="maxInclusive"/>.</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / 9007199254740992.0);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>An index drawn with the given (not necessarily normalized) weights.</summary>
    public int PickWeighted(ReadOnlySpan<double> weights)
    {
        var total = 0.0;
        foreach (var w in weights)
        {
            total += w;
        }

        var u = NextDouble() * total;
        for (var i = 0; i < weights.Length; i++)
        {
            u -= weights[i];
            if (u < 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    /// <summary>A day in [<paramref name="from"/>, <paramref name="to"/>]; <paramref name="from"/> when the range is empty.</summary>
    public DateOnly DateBetween(DateOnly from, DateOnly to) =>
        to <= from ? from : from.AddDays(Next(to.DayNumber - from.DayNumber + 1));
}
