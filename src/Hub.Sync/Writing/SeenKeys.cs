using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Sync.Writing;

/// <summary>
/// The source keys a run has already taken, so a key delivered twice is quarantined rather than loaded twice.
/// Keeps a 64-bit digest per key rather than the key itself, so memory stays near 24 bytes a record whatever the
/// size of the source (2.3 million tax assessments: about 60 MB instead of a quarter of a gigabyte). Two keys
/// sharing a digest (odds about 1 in 10^7 for millions of keys) would send the second to quarantine: kept, never lost.
/// </summary>
internal sealed class SeenKeys
{
    private readonly HashSet<long> _digests = [];

    /// <summary>True when <paramref name="key"/> is new to this run (and now taken).</summary>
    public bool Add(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        var max = Encoding.UTF8.GetMaxByteCount(key.Length);
        Span<byte> bytes = max <= 512 ? stackalloc byte[512] : new byte[max];
        SHA256.HashData(bytes[..Encoding.UTF8.GetBytes(key, bytes)], hash);
        return _digests.Add(BinaryPrimitives.ReadInt64LittleEndian(hash));
    }
}
