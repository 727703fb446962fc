using System.Security.Cryptography;

namespace Hub.Api.Tests.Audit.Merkle;

/// <summary>
/// RFC 9162 §2.1.1, §2.1.3.1 and §2.1.4.1 transcribed as written: recursion over the list of leaf data, nothing
/// stored, nothing shared with the hub's code (its own SHA-256 calls). The oracle the stored tree is compared with.
/// </summary>
internal static class ReferenceMerkleTree
{
    /// <summary>MTH(D[n]).</summary>
    public static byte[] Mth(IReadOnlyList<byte[]> d)
    {
        var n = d.Count;
        if (n == 0)
        {
            return SHA256.HashData([]);
        }

        if (n == 1)
        {
            return SHA256.HashData([0x00, .. d[0]]);
        }

        var k = LargestPowerOfTwoBelow(n);
        return SHA256.HashData([0x01, .. Mth(Slice(d, 0, k)), .. Mth(Slice(d, k, n))]);
    }

    /// <summary>PATH(m, D[n]).</summary>
    public static List<byte[]> Path(int m, IReadOnlyList<byte[]> d)
    {
        var n = d.Count;
        if (n == 1)
        {
            return [];
        }

        var k = LargestPowerOfTwoBelow(n);
        return m < k
            ? [.. Path(m, Slice(d, 0, k)), Mth(Slice(d, k, n))]
            : [.. Path(m - k, Slice(d, k, n)), Mth(Slice(d, 0, k))];
    }

    /// <summary>PROOF(m, D[n]) = SUBPROOF(m, D[n], true).</summary>
    public static List<byte[]> Proof(int m, IReadOnlyList<byte[]> d) => SubProof(m, d, true);

    private static List<byte[]> SubProof(int m, IReadOnlyList<byte[]> d, bool b)
    {
        var n = d.Count;
        if (m == n)
        {
            return b ? [] : [Mth(d)];
        }

        var k = LargestPowerOfTwoBelow(n);
        return m <= k
            ? [.. SubProof(m, Slice(d, 0, k), b), Mth(Slice(d, k, n))]
            : [.. SubProof(m - k, Slice(d, k, n), false), Mth(Slice(d, 0, k))];
    }

    // "the largest power of two smaller than n", counted up from 1.
    private static int LargestPowerOfTwoBelow(int n)
    {
        var k = 1;
        while (k * 2 < n)
        {
            k *= 2;
        }

        return k;
    }

    private static List<byte[]> Slice(IReadOnlyList<byte[]> d, int from, int to) => [.. d.Skip(from).Take(to - from)];
}
