namespace Hub.Policy.Administration;

/// <summary>
/// One change to the policy (変更履歴), append-only and hash-chained: <see cref="Hash"/> covers the record and the
/// previous record's hash, so editing or removing a record breaks the chain (<see cref="PolicyAuditChain.Verify"/>).
/// </summary>
public sealed record PolicyAuditRecord(
    long Sequence,
    DateTimeOffset At,
    string Actor,
    PolicyAuditAction Action,
    int Version,
    string Reason,
    string? Detail,
    string PreviousHash,
    string Hash);
