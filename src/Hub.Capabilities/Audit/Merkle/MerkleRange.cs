namespace Hub.Capabilities.Audit.Merkle;

/// <summary>
/// Leaves [<paramref name="Start"/>, <paramref name="End"/>) whose MTH a proof needs. Every range a proof of RFC 9162
/// asks for starts at a multiple of the largest power of two not above its length, so it is the complete subtrees of
/// its length's binary decomposition, largest first, and its MTH is their right fold:
/// MTH = H(c₁, H(c₂, … H(cₖ₋₁, cₖ))).
/// </summary>
public readonly record struct MerkleRange(long Start, long End)
{
    /// <summary>Leaves in the range.</summary>
    public long Length => End - Start;

    /// <summary>The complete subtrees the range consists of, largest (leftmost) first.</summary>
    /// <exception cref="InvalidOperationException">The range is not of the shape RFC 9162's recursion produces.</exception>
    public IReadOnlyList<MerkleNodeId> Subtrees()
    {
        if (Start < 0 || End <= Start)
        {
            throw new InvalidOperationException($"empty or negative range [{Start}, {End})");
        }

        var nodes = new List<MerkleNodeId>(8);
        var at = Start;
        var previous = int.MaxValue;
        while (at < End)
        {
            // The largest power of two that fits in what is left and that `at` is aligned to.
            var level = 63 - (int)long.LeadingZeroCount(End - at);
            if (at != 0)
            {
                level = Math.Min(level, (int)long.TrailingZeroCount(at));
            }

            if (level >= previous)
            {
                throw new InvalidOperationException($"range [{Start}, {End}) is not a left-aligned run of complete subtrees");
            }

            nodes.Add(new MerkleNodeId(level, at >> level));
            previous = level;
            at += 1L << level;
        }

        return nodes;
    }
}
