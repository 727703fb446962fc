namespace Hub.Policy.Administration;

/// <summary>Where hub nodes report the policy version they took up, so officers see each node's version after a publication.</summary>
public interface IPolicyNodeRegistry
{
    /// <summary>
    /// Records that <paramref name="node"/> serves <paramref name="version"/> at <paramref name="at"/>: a new version
    /// starts its <see cref="PolicyNodeStatus.Since"/>, the same version only refreshes <see cref="PolicyNodeStatus.ReportedAt"/>.
    /// </summary>
    Task ReportAsync(string node, int version, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Every node that reported within the registry's retention (stopped nodes drop out after it), by name.</summary>
    Task<IReadOnlyList<PolicyNodeStatus>> ListAsync(CancellationToken cancellationToken = default);
}
