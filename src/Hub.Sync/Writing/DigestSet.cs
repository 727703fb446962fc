using System.Numerics;

namespace Hub.Sync.Writing;

/// <summary>
/// A set of 64-bit digests held in one array of longs (open addressing, linear probing), for the per-run sets that
/// grow with the source: 8 bytes a slot at most three quarters full, against about 20 bytes a slot for
/// <see cref="HashSet{T}"/> of <see cref="long"/> (2.3 million tax assessments: 32 MB instead of about 68 MB, and
/// 48 MB rather than about 100 MB while it grows, when the old and the new array are both alive). Digests are
/// already well mixed (<see cref="SeenKeys.Digest"/>), so the slot is taken from their low bits as they are.
/// </summary>
internal sealed class DigestSet
{
    private const int InitialCapacity = 1024; // a power of two

    private long[] _slots = new long[InitialCapacity]; // 0 marks an empty slot; the digest 0 is kept aside
    private bool _hasZero;
    private int _count; // digests in _slots

    /// <summary>How many digests the set holds.</summary>
    public int Count => _count + (_hasZero ? 1 : 0);

    /// <summary>True when <paramref name="digest"/> was not in the set (and now is).</summary>
    public bool Add(long digest)
    {
        if (digest == 0)
        {
            var added = !_hasZero;
            _hasZero = true;
            return added;
        }

        if ((_count + 1) * 4L > _slots.Length * 3L)
        {
            Grow();
        }

        if (!Insert(_slots, digest))
        {
            return false;
        }

        _count++;
        return true;
    }

    private static bool Insert(long[] slots, long digest)
    {
        var mask = slots.Length - 1;
        for (var i = (int)digest & mask; ; i = (i + 1) & mask)
        {
            var slot = slots[i];
            if (slot == 0)
            {
                slots[i] = digest;
                return true;
            }

            if (slot == digest)
            {
                return false;
            }
        }
    }

    private void Grow()
    {
        var larger = new long[checked((int)BitOperations.RoundUpToPowerOf2((uint)_slots.Length * 2))];
        foreach (var digest in _slots)
        {
            if (digest != 0)
            {
                Insert(larger, digest);
            }
        }

        _slots = larger;
    }
}
