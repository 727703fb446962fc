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
}
