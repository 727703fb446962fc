namespace Hub.Policy.Administration;

/// <summary>What checking the stored policy history found (改ざん検知).</summary>
/// <param name="BrokenAt">The first audit record that does not fit the hash chain, or null when the chain is intact.</param>
/// <param name="AlteredVersions">Versions whose stored text differs from the digest the chain sealed for them.</param>
public sealed record PolicyAuditVerification(long? BrokenAt, IReadOnlyList<int> AlteredVersions)
{
    /// <summary>True when the chain is intact and every version matches it.</summary>
    public bool IsIntact => BrokenAt is null && AlteredVersions.Count == 0;
}
