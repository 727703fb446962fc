using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Hub.Policy.Administration;

/// <summary>Seals policy audit records into a SHA-256 hash chain and verifies it; stores of any kind use the same rule.</summary>
public static class PolicyAuditChain
{
    /// <summary>The hash before the first record.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>Builds the record that follows <paramref name="previous"/> (null for the first).</summary>
    public static PolicyAuditRecord Seal(PolicyAuditRecord? previous, DateTimeOffset at, string actor, PolicyAuditAction action, int version, string reason, string? detail)
    {
        var sequence = (previous?.Sequence ?? 0) + 1;
        var previousHash = previous?.Hash ?? Genesis;
        return new PolicyAuditRecord(sequence, at, actor, action, version, reason, detail, previousHash, Compute(sequence, at, actor, action, version, reason, detail, previousHash));
    }

    /// <summary>The first sequence number whose record does not fit the chain, or null when the chain is intact.</summary>
    public static long? Verify(IReadOnlyList<PolicyAuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var previousHash = Genesis;
        for (var i = 0; i < records.Count; i++)
        {
            var r = records[i];
            if (r.Sequence != i + 1 || r.PreviousHash != previousHash || r.Hash != Compute(r.Sequence, r.At, r.Actor, r.Action, r.Version, r.Reason, r.Detail, r.PreviousHash))
            {
                return r.Sequence;
            }

            previousHash = r.Hash;
        }

        return null;
    }

    private static string Compute(long sequence, DateTimeOffset at, string actor, PolicyAuditAction action, int version, string reason, string? detail, string previousHash)
    {
        var text = string.Join('\u001F', sequence.ToString(CultureInfo.InvariantCulture), at.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture), actor, action.ToString(), version.ToString(CultureInfo.InvariantCulture), reason, detail ?? string.Empty, previousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
