namespace Hub.Capabilities.Audit.Merkle;

/// <summary>
/// Which subtree hashes make up a proof, as RFC 9162 defines the proofs: each element is the MTH of a range of leaves
/// (see <see cref="MerkleRange"/>), in the RFC's order (nearest the leaf first). The ranges are computed without reading
/// anything, so a proof costs one read of O(log n) stored nodes.
/// </summary>
public static class MerkleProofPlan
{
    /// <summary>
    /// PATH(m, D[n]) of RFC 9162 §2.1.3.1: the ranges whose MTH form the inclusion proof of leaf <paramref name="index"/>
    /// in the tree of <paramref name="size"/> leaves.
    /// </summary>
    public static IReadOnlyList<MerkleRange> Inclusion(long index, long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, size);
        var path = new List<MerkleRange>(64);
        Path(index, 0, size, path);
        return path;
    }

    /// <summary>
    /// PROOF(m, D[n]) of RFC 9162 §2.1.4.1: the ranges whose MTH form the consistency proof from the tree of
    /// <paramref name="first"/> leaves to the tree of <paramref name="second"/> (empty when they are equal).
    /// </summary>
    public static IReadOnlyList<MerkleRange> Consistency(long first, long second)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(first);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(first, second);
        var proof = new List<MerkleRange>(64);
        SubProof(first, 0, second, true, proof);
        return proof;
    }

    /// <summary>The largest power of two smaller than <paramref name="n"/> (n ≥ 2): the RFC's split point k.</summary>
    public static long Split(long n) => 1L << (63 - (int)long.LeadingZeroCount(n - 1));

    // PATH(m, D[start:end]): the path of the subtree first, then the MTH of the other half.
    private static void Path(long m, long start, long end, List<MerkleRange> path)
    {
        if (end - start == 1)
        {
            return;
        }

        var k = Split(end - start);
        if (m < start + k)
        {
            Path(m, start, start + k, path);
            path.Add(new MerkleRange(start + k, end));
        }
        else
        {
            Path(m, start + k, end, path);
            path.Add(new MerkleRange(start, start + k));
        }
    }

    // SUBPROOF(m, D[start:end], b), m counted from start.
    private static void SubProof(long m, long start, long end, bool whole, List<MerkleRange> proof)
    {
        var n = end - start;
        if (m == n)
        {
            if (!whole)
            {
                proof.Add(new MerkleRange(start, end));
            }

            return;
        }

        var k = Split(n);
        if (m <= k)
        {
            SubProof(m, start, start + k, whole, proof);
            proof.Add(new MerkleRange(start + k, end));
        }
        else
        {
            SubProof(m - k, start + k, end, false, proof);
            proof.Add(new MerkleRange(start, start + k));
        }
    }
}
