using Hub.Data;
using Hub.Data.Entities;
using Hub.Policy.Administration;
using Microsoft.EntityFrameworkCore;

namespace Hub.Capabilities.Policies;

/// <summary>
/// <see cref="IPolicyNodeRegistry"/> on the common database (table <c>policy_nodes</c>, one row per node). Each report also
/// drops the rows of nodes that have not reported for <c>retention</c> (default 1 day): stopped processes, not live nodes.
/// </summary>
public sealed class DatabasePolicyNodeRegistry(IDbContextFactory<HubDbContext> contexts, TimeSpan? retention = null) : IPolicyNodeRegistry
{
    private readonly TimeSpan _retention = retention ?? TimeSpan.FromDays(1);

    /// <inheritdoc />
    public async Task ReportAsync(string node, int version, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(node);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var row = await db.PolicyNodes.SingleOrDefaultAsync(n => n.Node == node, cancellationToken).ConfigureAwait(false);
        if (row is null)
        {
            db.PolicyNodes.Add(new PolicyNodeRow { Node = node, Version = version, Since = at.UtcDateTime, ReportedAt = at.UtcDateTime });
        }
        else
        {
            if (row.Version != version)
            {
                (row.Version, row.Since) = (version, at.UtcDateTime);
            }

            row.ReportedAt = at.UtcDateTime;
        }

        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        var gone = at.UtcDateTime - _retention;
        await db.PolicyNodes.Where(n => n.ReportedAt < gone && n.Node != node).ExecuteDeleteAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PolicyNodeStatus>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.PolicyNodes.AsNoTracking().OrderBy(n => n.Node).ToListAsync(cancellationToken).ConfigureAwait(false);
        return rows.Select(r => new PolicyNodeStatus(r.Node, r.Version, Utc(r.Since), Utc(r.ReportedAt))).ToList();
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);
}
