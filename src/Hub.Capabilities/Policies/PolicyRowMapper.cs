using Hub.Data.Entities;
using Hub.Policy.Administration;

namespace Hub.Capabilities.Policies;

/// <summary>Between Hub.Policy's version and audit records and their rows in the common database (timestamps in UTC).</summary>
public static class PolicyRowMapper
{
    public static PolicyVersion ToVersion(PolicyVersionRow row) => new(
        row.Number,
        Enum.Parse<PolicyVersionState>(row.State),
        row.ModelText,
        row.PolicyText,
        row.Author,
        Utc(row.CreatedAt),
        row.Reason,
        row.BasedOn,
        row.PublishedAt is { } published ? Utc(published) : null,
        row.PublishedBy,
        row.OrdinancesText);

    public static PolicyVersionRow ToRow(PolicyVersion version)
    {
        var row = new PolicyVersionRow { Number = version.Number, State = version.State.ToString(), PublishedAt = version.PublishedAt?.UtcDateTime, PublishedBy = version.PublishedBy };
        CopyDraft(version, row);
        return row;
    }

    /// <summary>Copies what a draft edit may change: text, author, time, reason, base.</summary>
    public static void CopyDraft(PolicyVersion version, PolicyVersionRow row)
    {
        row.ModelText = version.ModelText;
        row.PolicyText = version.PolicyText;
        row.OrdinancesText = version.OrdinancesText;
        row.ContentHash = PolicyAuditChain.ContentDigest(version.ModelText, version.PolicyText, version.OrdinancesText);
        row.Author = version.Author;
        row.CreatedAt = version.CreatedAt.UtcDateTime;
        row.Reason = version.Reason;
        row.BasedOn = version.BasedOn;
    }

    public static PolicyAuditRecord ToRecord(PolicyAuditRow row) => new(
        row.Sequence,
        Utc(row.At),
        row.Actor,
        Enum.Parse<PolicyAuditAction>(row.Action),
        row.Version,
        row.Reason,
        row.Detail,
        row.PreviousHash,
        row.Hash);

    public static PolicyAuditRow ToRow(PolicyAuditRecord record) => new()
    {
        Sequence = record.Sequence,
        At = record.At.UtcDateTime,
        Actor = record.Actor,
        Action = record.Action.ToString(),
        Version = record.Version,
        Reason = record.Reason,
        Detail = record.Detail,
        PreviousHash = record.PreviousHash,
        Hash = record.Hash,
    };

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero);
}
