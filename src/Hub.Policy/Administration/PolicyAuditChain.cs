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

    /// <summary>How the detail of a record that sets a version's text begins; the digest follows.</summary>
    public const string ContentPrefix = "content sha256:";

    /// <summary>SHA-256 (lower-case hex) of a version's model and policy text: what the chain seals for it.</summary>
    public static string ContentDigest(string modelText, string policyText, string? ordinancesText = null)
    {
        ArgumentNullException.ThrowIfNull(modelText);
        ArgumentNullException.ThrowIfNull(policyText);
        // A version's own ordinance table is sealed too; without one the digest is what it always was.
        var content = modelText + "\u001F" + policyText + (ordinancesText is null ? string.Empty : "\u001F" + ordinancesText);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(content)));
    }

    /// <summary>The detail a store writes for a record that creates or edits <paramref name="version"/>'s text.</summary>
    public static string ContentDetail(PolicyVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return ContentPrefix + ContentDigest(version.ModelText, version.PolicyText, version.OrdinancesText);
    }

    /// <summary>
    /// The versions whose stored text differs from the digest the chain last sealed for them (edited outside the
    /// administration), in number order; empty when every version matches. Check <see cref="Verify"/> first: a digest
    /// is only as good as the chain that carries it.
    /// </summary>
    public static IReadOnlyList<int> VerifyVersions(IReadOnlyList<PolicyAuditRecord> records, IReadOnlyList<PolicyVersion> versions)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(versions);
        var sealedDigests = new Dictionary<int, string>();
        foreach (var r in records)
        {
            if (r.Detail is { } detail && detail.StartsWith(ContentPrefix, StringComparison.Ordinal))
            {
                sealedDigests[r.Version] = detail[ContentPrefix.Length..];
            }
        }

        return versions
            .Where(v => !sealedDigests.TryGetValue(v.Number, out var digest) || digest != ContentDigest(v.ModelText, v.PolicyText, v.OrdinancesText))
            .Select(v => v.Number)
            .Order()
            .ToList();
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
