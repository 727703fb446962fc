using System.Globalization;
using Hub.Data.Entities;

namespace Hub.Capabilities.Audit.Proofs;

/// <summary>An access record as a proof document carries it: every column the chain hash covers, as text.</summary>
public sealed record AccessRecordProofDocumentRecord
{
    private const string TimeFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";

    public long Sequence { get; init; }

    public string RecordedAt { get; init; } = string.Empty;

    public string UserId { get; init; } = string.Empty;

    public string? ClientId { get; init; }

    public string Task { get; init; } = string.Empty;

    public string Purpose { get; init; } = string.Empty;

    public string? Case { get; init; }

    public string Operation { get; init; } = string.Empty;

    /// <summary>The subjects column (<c>|a|b|</c>), or null when it names residents other than the reader and is withheld.</summary>
    public string? SubjectAtenaNumbers { get; init; }

    public string FieldPaths { get; init; } = string.Empty;

    public bool MyNumberUsed { get; init; }

    public string PolicyVersion { get; init; } = string.Empty;

    public string PreviousHash { get; init; } = string.Empty;

    /// <summary>The record's chain hash (hex): the leaf's data.</summary>
    public string Hash { get; init; } = string.Empty;

    /// <summary>The document's form of <paramref name="record"/>; the subjects only when <paramref name="withSubjects"/>.</summary>
    public static AccessRecordProofDocumentRecord From(AccessRecord record, bool withSubjects)
    {
        ArgumentNullException.ThrowIfNull(record);
        return new AccessRecordProofDocumentRecord
        {
            Sequence = record.Sequence,
            RecordedAt = record.RecordedAt.ToUniversalTime().ToString(TimeFormat, CultureInfo.InvariantCulture),
            UserId = record.UserId,
            ClientId = record.ClientId,
            Task = record.Task,
            Purpose = record.Purpose,
            Case = record.Case,
            Operation = record.Operation,
            SubjectAtenaNumbers = withSubjects ? record.SubjectAtenaNumbers : null,
            FieldPaths = record.FieldPaths,
            MyNumberUsed = record.MyNumberUsed,
            PolicyVersion = record.PolicyVersion,
            PreviousHash = record.PreviousHash,
            Hash = record.Hash,
        };
    }

    /// <summary>The record back as an entity (for its chain hash); null when the subjects are withheld or the time does not parse.</summary>
    public AccessRecord? ToAccessRecord() =>
        SubjectAtenaNumbers is null || !DateTime.TryParseExact(RecordedAt, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at)
            ? null
            : new AccessRecord
            {
                Sequence = Sequence,
                RecordedAt = at,
                UserId = UserId,
                ClientId = ClientId,
                Task = Task,
                Purpose = Purpose,
                Case = Case,
                Operation = Operation,
                SubjectAtenaNumbers = SubjectAtenaNumbers,
                FieldPaths = FieldPaths,
                MyNumberUsed = MyNumberUsed,
                PolicyVersion = PolicyVersion,
                PreviousHash = PreviousHash,
                Hash = Hash,
            };
}
