namespace Hub.Capabilities.Audit.Merkle;

/// <summary>
/// The verification algorithms of RFC 9162, step by step as §2.1.3.2 (inclusion) and §2.1.4.2 (consistency) write them.
/// They need nothing but the hashes given, so a resident or an auditor runs them offline.
/// </summary>
public static class MerkleVerifier
{
    /// <summary>
    /// §2.1.3.2: whether <paramref name="path"/> proves that the leaf whose hash is <paramref name="leafHash"/> is leaf
    /// <paramref name="leafIndex"/> of the tree of <paramref name="treeSize"/> leaves whose root is <paramref name="rootHash"/>.
    /// </summary>
    public static bool VerifyInclusion(long leafIndex, long treeSize, ReadOnlySpan<byte> leafHash, IReadOnlyList<byte[]> path, ReadOnlySpan<byte> rootHash)
    {
        ArgumentNullException.ThrowIfNull(path);

        // 1. leaf_index must be below tree_size.
        if (leafIndex < 0 || leafIndex >= treeSize || leafHash.Length != MerkleHash.Size || path.Any(p => p is null || p.Length != MerkleHash.Size))
        {
            return false;
        }

        // 2. fn = leaf_index, sn = tree_size - 1.  3. r = hash.
        var fn = leafIndex;
        var sn = treeSize - 1;
        var r = leafHash.ToArray();

        // 4. For each p in the path …
        foreach (var p in path)
        {
            // a. sn 0 with hashes left over: fail.
            if (sn == 0)
            {
                return false;
            }

            // b. p is on the left when fn is a right child or the last node of its level.
            if ((fn & 1) == 1 || fn == sn)
            {
                r = MerkleHash.Node(p, r);
                if ((fn & 1) == 0)
                {
                    // ii. skip the levels where this node has no right sibling.
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                r = MerkleHash.Node(r, p);
            }

            // c.
            fn >>= 1;
            sn >>= 1;
        }

        // 5. sn must be 0 and r the root.
        return sn == 0 && r.AsSpan().SequenceEqual(rootHash);
    }

    /// <summary>
    /// §2.1.4.2: whether <paramref name="path"/> proves that the tree of <paramref name="second"/> leaves with root
    /// <paramref name="secondHash"/> extends the tree of <paramref name="first"/> leaves with root
    /// <paramref name="firstHash"/>. Equal sizes are consistent when the roots are equal and the proof empty; a first
    /// tree of size 0 is a prefix of every tree (empty proof).
    /// </summary>
    public static bool VerifyConsistency(long first, long second, ReadOnlySpan<byte> firstHash, ReadOnlySpan<byte> secondHash, IReadOnlyList<byte[]> path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (first < 0 || second < first || firstHash.Length != MerkleHash.Size || secondHash.Length != MerkleHash.Size
            || path.Any(p => p is null || p.Length != MerkleHash.Size))
        {
            return false;
        }

        if (first == second)
        {
            return path.Count == 0 && firstHash.SequenceEqual(secondHash);
        }

        if (first == 0)
        {
            return path.Count == 0;
        }

        // 1. An empty proof fails.
        if (path.Count == 0)
        {
            return false;
        }

        // 2. When first is an exact power of 2, first_hash is the proof's first element.
        var proof = new List<byte[]>(path.Count + 1);
        if ((first & (first - 1)) == 0)
        {
            proof.Add(firstHash.ToArray());
        }

        proof.AddRange(path);

        // 3. fn = first - 1, sn = second - 1.
        var fn = first - 1;
        var sn = second - 1;

        // 4. Skip the levels where the first tree's last node is a right child.
        while ((fn & 1) == 1)
        {
            fn >>= 1;
            sn >>= 1;
        }

        // 5. fr = sr = the first element.
        var fr = proof[0];
        var sr = proof[0];

        // 6. For each subsequent c …
        for (var i = 1; i < proof.Count; i++)
        {
            var c = proof[i];

            // a.
            if (sn == 0)
            {
                return false;
            }

            // b.
            if ((fn & 1) == 1 || fn == sn)
            {
                fr = MerkleHash.Node(c, fr);
                sr = MerkleHash.Node(c, sr);
                if ((fn & 1) == 0)
                {
                    while ((fn & 1) == 0 && fn != 0)
                    {
                        fn >>= 1;
                        sn >>= 1;
                    }
                }
            }
            else
            {
                sr = MerkleHash.Node(sr, c);
            }

            // c.
            fn >>= 1;
            sn >>= 1;
        }

        // 7.
        return fr.AsSpan().SequenceEqual(firstHash) && sr.AsSpan().SequenceEqual(secondHash) && sn == 0;
    }
}
