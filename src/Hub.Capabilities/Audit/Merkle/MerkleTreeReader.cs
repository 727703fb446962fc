namespace Hub.Capabilities.Audit.Merkle;

/// <summary>
/// Roots and proofs of RFC 9162 from the stored complete subtrees: the ranges a proof needs
/// (<see cref="MerkleProofPlan"/>) come down to O(log n) nodes, read in one call, then folded. Nothing is rebuilt.
/// </summary>
public sealed class MerkleTreeReader(IMerkleNodeStore store)
{
    /// <summary>MTH of the first <paramref name="size"/> leaves.</summary>
    public async Task<byte[]> RootAsync(long size, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (size == 0)
        {
            return MerkleHash.Empty();
        }

        return (await HashesAsync([new MerkleRange(0, size)], cancellationToken).ConfigureAwait(false))[0];
    }

    /// <summary>The inclusion proof (audit path) of leaf <paramref name="index"/> in the tree of <paramref name="size"/> leaves.</summary>
    public Task<IReadOnlyList<byte[]>> InclusionProofAsync(long index, long size, CancellationToken cancellationToken) =>
        HashesAsync(MerkleProofPlan.Inclusion(index, size), cancellationToken);

    /// <summary>The consistency proof from the tree of <paramref name="first"/> leaves to the tree of <paramref name="second"/>.</summary>
    public Task<IReadOnlyList<byte[]>> ConsistencyProofAsync(long first, long second, CancellationToken cancellationToken) =>
        first == 0 ? Task.FromResult<IReadOnlyList<byte[]>>([]) : HashesAsync(MerkleProofPlan.Consistency(first, second), cancellationToken);

    /// <summary>The MTH of each range, from one read of the subtrees they consist of.</summary>
    /// <exception cref="MerkleNodeMissingException">A node the ranges need is not stored.</exception>
    public async Task<IReadOnlyList<byte[]>> HashesAsync(IReadOnlyList<MerkleRange> ranges, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ranges);
        var plans = ranges.Select(r => r.Subtrees()).ToList();
        var wanted = plans.SelectMany(p => p).ToHashSet();
        var nodes = await store.ReadAsync(wanted, cancellationToken).ConfigureAwait(false);
        var hashes = new List<byte[]>(plans.Count);
        foreach (var plan in plans)
        {
            byte[]? hash = null;
            for (var i = plan.Count - 1; i >= 0; i--)
            {
                if (!nodes.TryGetValue(plan[i], out var node))
                {
                    throw new MerkleNodeMissingException(plan[i]);
                }

                hash = hash is null ? node : MerkleHash.Node(node, hash);
            }

            hashes.Add(hash!);
        }

        return hashes;
    }
}
