using Hub.Capabilities.Audit.Merkle;

namespace Hub.Capabilities.Audit;

/// <summary>
/// What an access record is in the Merkle tree: the leaf's data is the record's chain hash, 32 bytes
/// (<see cref="Hub.Data.Entities.AccessRecord.Hash"/> decoded from hex), so leaf i's hash is
/// <c>SHA-256(0x00 || chain hash of record i+1)</c>. The chain hash already covers every column and the previous
/// record's hash, so the tree commits to the records and their order; and a proof can be shown to a resident without the
/// other residents a record names, which its canonical bytes would carry.
/// </summary>
public static class AccessRecordLeaf
{
    /// <summary>The leaf hash of the record whose chain hash is <paramref name="chainHash"/> (64 hex digits).</summary>
    /// <exception cref="FormatException">The chain hash is not 64 hex digits.</exception>
    public static byte[] Hash(string chainHash)
    {
        ArgumentNullException.ThrowIfNull(chainHash);
        Span<byte> data = stackalloc byte[MerkleHash.Size];
        if (chainHash.Length != 2 * MerkleHash.Size || Convert.FromHexString(chainHash, data, out _, out var written) != System.Buffers.OperationStatus.Done || written != MerkleHash.Size)
        {
            throw new FormatException("an access record's chain hash is not 64 hex digits");
        }

        return MerkleHash.Leaf(data);
    }
}
