using Hub.Capabilities.Audit.Merkle;

namespace Hub.Api.Tests.Audit.Merkle;

/// <summary>
/// The stored tree (complete subtrees appended through <see cref="MerkleFrontier"/>, proofs planned by
/// <see cref="MerkleProofPlan"/>) against <see cref="ReferenceMerkleTree"/>, the RFC's recursion over the raw leaves,
/// at random sizes; RFC 9162's example tree; the RFC 6962 known answers; and the RFC's verification algorithms, which
/// accept every proof the tree produces and refuse every altered one.
/// </summary>
public sealed class MerkleTreeTests
{
    [Fact]
    public async Task Roots_EveryPrefixOfRandomLeaves_EqualTheReference()
    {
        var random = new Random(9162);
        var leaves = RandomLeaves(random, 300);
        var store = new InMemoryMerkleNodeStore();
        var reader = new MerkleTreeReader(store);
        Assert.Equal(ReferenceMerkleTree.Mth([]), store.Root());
        for (var n = 1; n <= leaves.Count; n++)
        {
            store.AppendLeafHash(MerkleHash.Leaf(leaves[n - 1]));
            var expected = ReferenceMerkleTree.Mth(leaves[..n]);
            Assert.Equal(expected, store.Root());
        }

        // Roots of earlier sizes come from the stored nodes, not from the edge.
        for (var n = 1; n <= leaves.Count; n++)
        {
            Assert.Equal(ReferenceMerkleTree.Mth(leaves[..n]), await reader.RootAsync(n, TestContext.Current.CancellationToken));
        }
    }

    [Fact]
    public async Task Proofs_RandomSizesAndIndexes_EqualTheReferenceAndVerify()
    {
        // Seeded so a failure repeats; 400 cases over sizes up to 1,100 (every shape of edge up to 2^10).
        var random = new Random(6962);
        var leaves = RandomLeaves(random, 1_100);
        var store = new InMemoryMerkleNodeStore();
        foreach (var leaf in leaves)
        {
            store.AppendLeafHash(MerkleHash.Leaf(leaf));
        }

        var reader = new MerkleTreeReader(store);
        var ct = TestContext.Current.CancellationToken;
        for (var i = 0; i < 400; i++)
        {
            var n = i < 64 ? i + 1 : random.Next(1, leaves.Count + 1);
            var m = random.Next(0, n);
            var prefix = leaves[..n];
            var root = ReferenceMerkleTree.Mth(prefix);

            var path = await reader.InclusionProofAsync(m, n, ct);
            Assert.Equal(ReferenceMerkleTree.Path(m, prefix), path);
            Assert.True(MerkleVerifier.VerifyInclusion(m, n, MerkleHash.Leaf(leaves[m]), path, root), $"inclusion of {m} in {n}");

            var first = random.Next(1, n + 1);
            var proof = await reader.ConsistencyProofAsync(first, n, ct);
            Assert.Equal(ReferenceMerkleTree.Proof(first, prefix), proof);
            Assert.True(MerkleVerifier.VerifyConsistency(first, n, ReferenceMerkleTree.Mth(leaves[..first]), root, proof), $"consistency {first} → {n}");
        }
    }

    [Fact]
    public async Task Verify_AlteredInclusionProofs_Refused()
    {
        var random = new Random(1);
        var leaves = RandomLeaves(random, 77);
        var store = Store(leaves);
        var reader = new MerkleTreeReader(store);
        var root = store.Root();
        for (var m = 0; m < leaves.Count; m += 5)
        {
            var leaf = MerkleHash.Leaf(leaves[m]);
            var path = await reader.InclusionProofAsync(m, leaves.Count, TestContext.Current.CancellationToken);
            Assert.True(MerkleVerifier.VerifyInclusion(m, leaves.Count, leaf, path, root));

            Assert.False(MerkleVerifier.VerifyInclusion(m + 1, leaves.Count, leaf, path, root), "next index");
            Assert.False(MerkleVerifier.VerifyInclusion(m ^ 2, leaves.Count, leaf, path, root), "index ^ 2");
            Assert.False(MerkleVerifier.VerifyInclusion(m, leaves.Count * 2, leaf, path, root), "size * 2");
            Assert.False(MerkleVerifier.VerifyInclusion(m, leaves.Count, MerkleHash.Leaf([1, 2, 3]), path, root), "other leaf");
            Assert.False(MerkleVerifier.VerifyInclusion(m, leaves.Count, leaf, path, MerkleHash.Empty()), "other root");
            Assert.False(MerkleVerifier.VerifyInclusion(m, leaves.Count, leaf, [.. path, root], root), "trailing hash");
            Assert.False(MerkleVerifier.VerifyInclusion(m, leaves.Count, leaf, [root, .. path], root), "preceding hash");
            Assert.False(MerkleVerifier.VerifyInclusion(m, leaves.Count, leaf, path.Take(path.Count - 1).ToList(), root), "removed hash");
            for (var i = 0; i < path.Count; i++)
            {
                var altered = path.Select(p => (byte[])p.Clone()).ToList();
                altered[i][0] ^= 8;
                Assert.False(MerkleVerifier.VerifyInclusion(m, leaves.Count, leaf, altered, root), $"bit flipped in hash {i}");
            }
        }
    }

    [Fact]
    public async Task Verify_AlteredConsistencyProofs_Refused()
    {
        var random = new Random(2);
        var leaves = RandomLeaves(random, 90);
        var store = Store(leaves);
        var reader = new MerkleTreeReader(store);
        var second = store.Root();
        for (var first = 1; first < leaves.Count; first += 7)
        {
            var firstRoot = ReferenceMerkleTree.Mth(leaves[..first]);
            var proof = await reader.ConsistencyProofAsync(first, leaves.Count, TestContext.Current.CancellationToken);
            Assert.True(MerkleVerifier.VerifyConsistency(first, leaves.Count, firstRoot, second, proof));

            Assert.False(MerkleVerifier.VerifyConsistency(first + 1, leaves.Count, firstRoot, second, proof), "first + 1");
            Assert.False(MerkleVerifier.VerifyConsistency(first, leaves.Count * 2, firstRoot, second, proof), "second * 2");
            Assert.False(MerkleVerifier.VerifyConsistency(first, leaves.Count, second, firstRoot, proof), "swapped roots");
            Assert.False(MerkleVerifier.VerifyConsistency(first, leaves.Count, firstRoot, second, []), "empty proof");
            Assert.False(MerkleVerifier.VerifyConsistency(first, leaves.Count, firstRoot, second, [.. proof, second]), "trailing hash");
            Assert.False(MerkleVerifier.VerifyConsistency(first, leaves.Count, firstRoot, second, [proof[0], .. proof]), "preceding hash");
            Assert.False(MerkleVerifier.VerifyConsistency(first, leaves.Count, firstRoot, second, proof.Take(proof.Count - 1).ToList()), "truncated");
            for (var i = 0; i < proof.Count; i++)
            {
                var altered = proof.Select(p => (byte[])p.Clone()).ToList();
                altered[i][0] ^= 16;
                Assert.False(MerkleVerifier.VerifyConsistency(first, leaves.Count, firstRoot, second, altered), $"bit flipped in hash {i}");
            }

            // The same size on a tree that differs in one earlier leaf: a fork.
            var forked = leaves.Select(l => l).ToList();
            forked[first - 1] = [.. forked[first - 1], 0xFF];
            Assert.False(MerkleVerifier.VerifyConsistency(first, leaves.Count, ReferenceMerkleTree.Mth(forked[..first]), second, proof), "forked first tree");
        }
    }

    [Fact]
    public void Verify_EdgeSizes_AsTheRfcSays()
    {
        var a = MerkleHash.Leaf([1]);
        var b = MerkleHash.Leaf([2]);

        Assert.True(MerkleVerifier.VerifyConsistency(3, 3, a, a, []));
        Assert.False(MerkleVerifier.VerifyConsistency(3, 3, a, b, []));
        Assert.False(MerkleVerifier.VerifyConsistency(3, 3, a, a, [b]));
        Assert.True(MerkleVerifier.VerifyConsistency(0, 5, MerkleHash.Empty(), b, []));
        Assert.False(MerkleVerifier.VerifyConsistency(4, 2, a, b, [a]));
        Assert.True(MerkleVerifier.VerifyInclusion(0, 1, a, [], a));
        Assert.False(MerkleVerifier.VerifyInclusion(0, 0, a, [], a));
        Assert.False(MerkleVerifier.VerifyInclusion(1, 1, a, [], a));
    }

    /// <summary>RFC 9162 §2.1.5: the seven-leaf tree, its inclusion proofs for d0, d3, d4, d6 and its consistency proofs from 3, 4 and 6.</summary>
    [Fact]
    public void Plan_RfcExampleTree_MatchesTheRfcsProofs()
    {
        // Letters of the RFC's figure as the leaf ranges under them.
        var names = new Dictionary<MerkleRange, string>
        {
            [new(0, 1)] = "a", [new(1, 2)] = "b", [new(2, 3)] = "c", [new(3, 4)] = "d", [new(4, 5)] = "e", [new(5, 6)] = "f",
            [new(6, 7)] = "j", [new(0, 2)] = "g", [new(2, 4)] = "h", [new(4, 6)] = "i", [new(0, 4)] = "k", [new(4, 7)] = "l",
        };
        string Names(IReadOnlyList<MerkleRange> ranges) => string.Join(' ', ranges.Select(r => names[r]));

        Assert.Equal("b h l", Names(MerkleProofPlan.Inclusion(0, 7)));
        Assert.Equal("c g l", Names(MerkleProofPlan.Inclusion(3, 7)));
        Assert.Equal("f j k", Names(MerkleProofPlan.Inclusion(4, 7)));
        Assert.Equal("i k", Names(MerkleProofPlan.Inclusion(6, 7)));
        Assert.Equal("c d g l", Names(MerkleProofPlan.Consistency(3, 7)));
        Assert.Equal("l", Names(MerkleProofPlan.Consistency(4, 7)));
        Assert.Equal("i j k", Names(MerkleProofPlan.Consistency(6, 7)));
    }

    /// <summary>
    /// Known answers for RFC 6962 trees over eight fixed leaves, as published with transparency-dev/merkle's verifier
    /// tests (proof/verify_test.go): every root, four inclusion proofs and four consistency proofs.
    /// </summary>
    [Fact]
    public async Task KnownAnswers_Rfc6962Leaves_RootsAndProofsMatch()
    {
        byte[][] leaves = [[], [0x00], [0x10], [0x20, 0x21], [0x30, 0x31], [0x40, 0x41, 0x42, 0x43],
            [0x50, 0x51, 0x52, 0x53, 0x54, 0x55, 0x56, 0x57], Convert.FromHexString("606162636465666768696a6b6c6d6e6f")];
        string[] roots =
        [
            "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d", "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
            "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77", "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
            "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4", "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
            "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c", "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
        ];
        var store = Store(leaves);
        var reader = new MerkleTreeReader(store);
        var ct = TestContext.Current.CancellationToken;
        for (var n = 1; n <= 8; n++)
        {
            Assert.Equal(roots[n - 1], Convert.ToHexStringLower(await reader.RootAsync(n, ct)));
        }

        Assert.Equal("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Convert.ToHexStringLower(MerkleHash.Empty()));

        (long Index, long Size, string Proof)[] inclusions =
        [
            (0, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            (5, 8, "bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            (2, 3, "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125"),
            (1, 5, "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
        ];
        foreach (var (index, size, proof) in inclusions)
        {
            var path = await reader.InclusionProofAsync(index, size, ct);
            Assert.Equal(proof, string.Join(' ', path.Select(Convert.ToHexStringLower)));
            Assert.True(MerkleVerifier.VerifyInclusion(index, size, MerkleHash.Leaf(leaves[index]), path, Convert.FromHexString(roots[size - 1])));
        }

        (long First, long Second, string Proof)[] consistencies =
        [
            (1, 8, "96a296d224f285c67bee93c30f8a309157f0daa35dc5b87e410b78630a09cfc7 5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e 6b47aaf29ee3c2af9af889bc1fb9254dabd31177f16232dd6aab035ca39bf6e4"),
            (6, 8, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a ca854ea128ed050b41b35ffc1b87b8eb2bde461e9e3b5596ece6b9d5975a0ae0 d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
            (2, 5, "5f083f0a1a33ca076a95279832580db3e0ef4584bdff1f54c8a360f50de3031e bc1a0643b12e4d2d7c77918f44e0f4f79a838b6cf9ec5b5c283e1f4d88599e6b"),
            (6, 7, "0ebc5d3437fbe2db158b9f126a1d118e308181031d0a949f8dededebc558ef6a b08693ec2e721597130641e8211e7eedccb4c26413963eee6c1e2ed16ffb1a5f d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7"),
        ];
        foreach (var (first, second, proof) in consistencies)
        {
            var path = await reader.ConsistencyProofAsync(first, second, ct);
            Assert.Equal(proof, string.Join(' ', path.Select(Convert.ToHexStringLower)));
            Assert.True(MerkleVerifier.VerifyConsistency(first, second, Convert.FromHexString(roots[first - 1]), Convert.FromHexString(roots[second - 1]), path));
        }
    }

    [Fact]
    public void Frontier_StoredAndRead_KeepsTheRootAndTheNextAppend()
    {
        var random = new Random(3);
        var leaves = RandomLeaves(random, 45);
        var frontier = MerkleFrontier.Empty();
        foreach (var leaf in leaves[..44])
        {
            frontier.Append(MerkleHash.Leaf(leaf), (_, _) => { });
        }

        var read = MerkleFrontier.FromBytes(44, frontier.ToBytes());
        Assert.Equal(frontier.Root(), read.Root());
        Assert.Equal([(5, 0L), (3, 4L), (2, 10L)], read.Subtrees().Select(s => (s.Node.Level, s.Node.Index))); // 44 = 32 + 8 + 4
        var completed = new List<MerkleNodeId>();
        read.Append(MerkleHash.Leaf(leaves[44]), (node, _) => completed.Add(node));
        Assert.Equal([new MerkleNodeId(0, 44)], completed);
        Assert.Equal(ReferenceMerkleTree.Mth(leaves), read.Root());
        Assert.Throws<InvalidOperationException>(() => MerkleFrontier.FromBytes(45, frontier.ToBytes()));
    }

    [Fact]
    public void Position_NodesInTheOrderAppendsCompleteThem_AreNumberedWithoutGaps()
    {
        // The stored key of every node: appends write at the end of the key range, one position after the other.
        var frontier = MerkleFrontier.Empty();
        var next = 0L;
        for (var leaf = 0; leaf < 5_000; leaf++)
        {
            frontier.Append(MerkleHash.Leaf([]), (node, _) => Assert.Equal(next++, node.Position));
        }

        Assert.Equal((2 * 5_000) - long.PopCount(5_000), next);
    }

    private static InMemoryMerkleNodeStore Store(IEnumerable<byte[]> leaves)
    {
        var store = new InMemoryMerkleNodeStore();
        foreach (var leaf in leaves)
        {
            store.AppendLeafHash(MerkleHash.Leaf(leaf));
        }

        return store;
    }

    private static List<byte[]> RandomLeaves(Random random, int count) =>
        [.. Enumerable.Range(0, count).Select(_ =>
        {
            var leaf = new byte[random.Next(0, 40)];
            random.NextBytes(leaf);
            return leaf;
        })];
}
