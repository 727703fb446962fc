namespace Hub.Sync.Writing;

/// <summary>
/// The source keys a run has already taken, so a key delivered twice is quarantined rather than loaded twice.
/// Keeps a 64-bit digest per key rather than the key itself, in a <see cref="DigestSet"/>, so memory stays near
/// 8–16 bytes a record whatever the size of the source (2.3 million tax assessments: 32 MB instead of a quarter of a
/// gigabyte). The digest is
/// FNV-1a over the key's characters with a final avalanche (not a cryptographic hash: keys come from the city's own
/// systems, and only the run's own bookkeeping depends on it). Two keys sharing a digest (odds about 1 in 10^7 for
/// millions of keys) would send the second to quarantine: kept, never lost.
/// </summary>
internal sealed class SeenKeys
{
    private readonly DigestSet _digests = new();

    /// <summary>True when <paramref name="key"/> is new to this run (and now taken).</summary>
    public bool Add(string key) => _digests.Add(Digest(key));

    internal static long Digest(string key)
    {
        var h = 0xcbf29ce484222325UL;
        foreach (var c in key)
        {
            h = (h ^ c) * 0x100000001b3UL;
        }

        // SplitMix64's finaliser spreads every input bit over the whole digest.
        h ^= h >> 30;
        h *= 0xbf58476d1ce4e5b9UL;
        h ^= h >> 27;
        h *= 0x94d049bb133111ebUL;
        h ^= h >> 31;
        return unchecked((long)h);
    }
}
