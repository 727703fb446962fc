namespace Hub.Data.Entities;

/// <summary>
/// The one row that holds the end of the access record chain. Every append first updates this row in its
/// transaction, which locks it on every provider: appends from all requests and all hub nodes run one after another,
/// so the chain stays linear. It also says how long the chain is, so a record removed from the end is detected.
/// </summary>
public sealed class AccessRecordHead
{
    /// <summary>The single row's key.</summary>
    public const int SingletonId = 1;

    /// <summary>Always <see cref="SingletonId"/>.</summary>
    public int Id { get; set; }

    /// <summary>Sequence of the last record; 0 before the first.</summary>
    public long LastSequence { get; set; }

    /// <summary>Hash of the last record; 64 zeros before the first.</summary>
    public string LastHash { get; set; } = AccessRecordChain.Genesis;

    /// <summary>
    /// Records the Merkle tree covers: <see cref="LastSequence"/> when every record is in the tree; less while records
    /// written before the tree (or with it switched off) are still to be added.
    /// </summary>
    public long TreeSize { get; set; }

    /// <summary>
    /// The tree's right edge: the hashes of the complete subtrees of <see cref="TreeSize"/>'s binary decomposition,
    /// largest first, 32 bytes each. All an append needs besides the new records.
    /// </summary>
    public byte[] TreeEdge { get; set; } = [];
}
