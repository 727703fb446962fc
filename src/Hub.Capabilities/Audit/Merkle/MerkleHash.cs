using System.Security.Cryptography;

namespace Hub.Capabilities.Audit.Merkle;

/// <summary>
/// The hashes of RFC 9162 §2.1.1 with SHA-256: a leaf is <c>SHA-256(0x00 || data)</c>, an interior node
/// <c>SHA-256(0x01 || left || right)</c>, the empty tree <c>SHA-256()</c>. The two prefixes keep a leaf from ever
/// passing for a node (second-preimage resistance).
/// </summary>
public static class MerkleHash
{
    /// <summary>Bytes in every hash.</summary>
    public const int Size = 32;

    private static readonly byte[] EmptyTree = SHA256.HashData([]);

    /// <summary>MTH({}): the hash of the empty string.</summary>
    public static byte[] Empty() => (byte[])EmptyTree.Clone();

    /// <summary>The leaf hash of <paramref name="data"/>.</summary>
    public static byte[] Leaf(ReadOnlySpan<byte> data)
    {
        Span<byte> buffer = data.Length < 256 ? stackalloc byte[data.Length + 1] : new byte[data.Length + 1];
        buffer[0] = 0x00;
        data.CopyTo(buffer[1..]);
        return SHA256.HashData(buffer);
    }

    /// <summary>The interior node over <paramref name="left"/> and <paramref name="right"/>.</summary>
    public static byte[] Node(ReadOnlySpan<byte> left, ReadOnlySpan<byte> right)
    {
        Span<byte> buffer = stackalloc byte[1 + (2 * Size)];
        buffer[0] = 0x01;
        left.CopyTo(buffer[1..]);
        right.CopyTo(buffer[(1 + Size)..]);
        return SHA256.HashData(buffer);
    }
}
