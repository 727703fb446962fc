namespace Hub.Data.Entities;

/// <summary>
/// The one row that says which policy version is in force. Every change to policy versions first bumps
/// <see cref="Revision"/> in its transaction, which locks this row: changes from several hub nodes run one after
/// another, and a publication that expected another version in force finds out and changes nothing.
/// </summary>
public sealed class PolicyHead
{
    /// <summary>The single row's key.</summary>
    public const int SingletonId = 1;

    /// <summary>Always <see cref="SingletonId"/>.</summary>
    public int Id { get; set; }

    /// <summary>The version in force; null before the first publication. Nodes poll this column.</summary>
    public int? InForce { get; set; }

    /// <summary>Bumped by every change to policy versions or their audit trail.</summary>
    public long Revision { get; set; }
}
