using System.Globalization;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>
/// <c>/healthz</c>'s view of anchoring: Healthy while the lag is under half of <see cref="CheckpointOptions.MaxLag"/> and
/// the last round anchored; Degraded past half of it or when the last round failed; Unhealthy (503) past it or when the
/// witness refused the log, the state in which personal data is no longer served.
/// </summary>
public sealed class AuditAnchorHealthCheck(AuditAnchor anchor) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var lag = anchor.Lag;
        var problem = anchor.Problem;
        var state = string.Create(CultureInfo.InvariantCulture,
            $"access log anchored up to record {anchor.AnchoredSize}; oldest record outside a checkpoint waiting {lag.TotalSeconds:F0} s (at most {anchor.MaxLag.TotalSeconds:F0} s)");
        var detail = problem is null ? state : $"{state}; last checkpoint round: {problem}";
        return Task.FromResult(
            anchor.IsUnanchored ? HealthCheckResult.Unhealthy("AUDIT_UNANCHORED: " + detail)
            : lag > anchor.MaxLag / 2 || problem is not null ? HealthCheckResult.Degraded(detail)
            : HealthCheckResult.Healthy(detail));
    }
}
