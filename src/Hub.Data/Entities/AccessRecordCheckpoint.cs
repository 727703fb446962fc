namespace Hub.Data.Entities;

/// <summary>
/// A copy of a signed checkpoint (署名付きチェックポイント) of the access record tree that the witness outside the
/// database accepted: tree size, root hash, when it was signed, and the signed note itself. The witness's copy is the
/// one that counts; this one lets every node serve inclusion proofs against the latest checkpoint.
/// </summary>
public sealed class AccessRecordCheckpoint
{
    /// <summary>Records the checkpoint covers (1 … TreeSize).</summary>
    public long TreeSize { get; set; }

    /// <summary>MTH of the first <see cref="TreeSize"/> records (32 bytes).</summary>
    public byte[] RootHash { get; set; } = [];

    /// <summary>When it was signed (UTC).</summary>
    public DateTime SignedAt { get; set; }

    /// <summary>The signed note (C2SP checkpoint text and its signature line).</summary>
    public string Note { get; set; } = string.Empty;
}
