using System.Text.Encodings.Web;
using System.Text.Json;
using Hub.Capabilities.Audit.Checkpoints;
using Hub.Data.Entities;

namespace Hub.Capabilities.Audit.Proofs;

/// <summary>
/// A self-contained inclusion proof (JSON) that a resident or an auditor keeps and checks offline with
/// <c>hub audit verify-proof</c>, no database needed: the record, its leaf and audit path, the signed checkpoint and the
/// verifier key the city publishes. Hashes are base64 (as in the checkpoint), the record's chain hashes hex (as stored).
/// </summary>
public sealed record AccessRecordProofDocument
{
    /// <summary>The value of <see cref="Format"/>.</summary>
    public const string FormatName = "municipalhub-access-record-proof/1";

    // Japanese text and base64's '+' stay readable: the document is data a person inspects, always embedded as a string.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Format { get; init; } = FormatName;

    public AccessRecordProofDocumentRecord Record { get; init; } = new();

    public long LeafIndex { get; init; }

    public long TreeSize { get; init; }

    public string LeafHash { get; init; } = string.Empty;

    public IReadOnlyList<string> AuditPath { get; init; } = [];

    public string RootHash { get; init; } = string.Empty;

    /// <summary>The signed checkpoint, as the witness keeps it.</summary>
    public string Checkpoint { get; init; } = string.Empty;

    /// <summary>The verifier key of the log's signing key (compare it with the one the city publishes).</summary>
    public string VerifierKey { get; init; } = string.Empty;

    /// <summary>The document for <paramref name="record"/>'s <paramref name="proof"/>; the record's subjects only when <paramref name="withSubjects"/>.</summary>
    public static AccessRecordProofDocument Create(AccessRecord record, AccessRecordProof proof, CheckpointVerifierKey key, bool withSubjects)
    {
        ArgumentNullException.ThrowIfNull(proof);
        ArgumentNullException.ThrowIfNull(key);
        return new AccessRecordProofDocument
        {
            Record = AccessRecordProofDocumentRecord.From(record, withSubjects),
            LeafIndex = proof.LeafIndex,
            TreeSize = proof.TreeSize,
            LeafHash = Convert.ToBase64String(proof.LeafHash),
            AuditPath = [.. proof.AuditPath.Select(Convert.ToBase64String)],
            RootHash = Convert.ToBase64String(proof.RootHash),
            Checkpoint = proof.Checkpoint.Text,
            VerifierKey = key.ToString(),
        };
    }

    /// <summary>Reads a document.</summary>
    /// <exception cref="FormatException">It is not JSON of this format.</exception>
    public static AccessRecordProofDocument Parse(string json)
    {
        AccessRecordProofDocument? document;
        try
        {
            document = JsonSerializer.Deserialize<AccessRecordProofDocument>(json, Json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"the proof is not JSON of format {FormatName} (line {e.LineNumber + 1})", e);
        }

        return document is { Format: FormatName } ? document : throw new FormatException($"the proof's format is not {FormatName}");
    }

    /// <summary>The document as indented JSON.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);
}
