using System.Globalization;
using Hub.Capabilities.Requests;
using Hub.Data.Entities;

namespace Hub.Capabilities.Audit.Checkpoints;

/// <summary>
/// The access record writer behind the anchoring check: while <see cref="AuditAnchor.IsUnanchored"/>, no record is
/// appended and the caller gets <see cref="AuditUnanchoredException"/>, so no personal data leaves (requests that release
/// none never get here); every appended record is reported to the anchor, whose lag counts from the oldest one outside
/// a checkpoint.
/// </summary>
public sealed class AnchoredAccessRecordWriter(IAccessRecordWriter inner, AuditAnchor anchor) : IAccessRecordWriter
{
    public async Task<AccessRecord> AppendAsync(HubRequestContext context, AccessEntry entry, string policyVersion, CancellationToken cancellationToken)
    {
        if (anchor.IsUnanchored)
        {
            throw new AuditUnanchoredException(anchor.IsInconsistent
                ? "The access log does not extend the checkpoint its witness holds, so no personal data is served. A privacy officer runs `hub audit verify --checkpoint`."
                : string.Create(CultureInfo.InvariantCulture,
                    $"The access log has not been anchored by a signed checkpoint for {anchor.Lag.TotalSeconds:F0} s (at most {anchor.MaxLag.TotalSeconds:F0} s allowed), so no personal data is served."));
        }

        var record = await inner.AppendAsync(context, entry, policyVersion, cancellationToken).ConfigureAwait(false);
        anchor.Appended(record.Sequence, new DateTimeOffset(DateTime.SpecifyKind(record.RecordedAt, DateTimeKind.Utc)));
        return record;
    }
}
