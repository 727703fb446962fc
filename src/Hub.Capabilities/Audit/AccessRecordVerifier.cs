using Hub.Data.Entities;

namespace Hub.Capabilities.Audit;

/// <summary>
/// Checks the access record chain: every record's hash against its content (a changed record), every record's previous
/// hash against the record before it and the sequence against its position (a removed or reordered record), and the
/// chain's end against the head row (a record removed from the end). Says which record, and what is wrong with it.
/// </summary>
public static class AccessRecordVerifier
{
    /// <summary>The findings; empty when the chain is intact.</summary>
    public static IReadOnlyList<string> Verify(IReadOnlyList<AccessRecord> records, AccessRecordHead? head)
    {
        ArgumentNullException.ThrowIfNull(records);
        var findings = new List<string>();
        var previousHash = AccessRecordChain.Genesis;
        long expected = 1;
        foreach (var record in records)
        {
            if (AccessRecordChain.ComputeHash(record) != record.Hash)
            {
                findings.Add($"record {record.Sequence}: changed (its content does not match its hash)");
            }

            if (record.Sequence != expected)
            {
                findings.Add(record.Sequence > expected
                    ? $"record {expected}{(record.Sequence - expected > 1 ? $"–{record.Sequence - 1}" : string.Empty)}: removed (the chain jumps from {expected - 1} to {record.Sequence})"
                    : $"record {record.Sequence}: out of order (found after record {expected - 1})");
            }
            else if (record.PreviousHash != previousHash)
            {
                findings.Add($"record {record.Sequence}: does not follow record {record.Sequence - 1} (previous hash differs: records reordered, replaced or removed)");
            }

            previousHash = record.Hash;
            expected = record.Sequence + 1;
        }

        if (head is not null)
        {
            var last = records.Count == 0 ? 0 : records[^1].Sequence;
            if (head.LastSequence > last)
            {
                findings.Add($"record {last + 1}{(head.LastSequence > last + 1 ? $"–{head.LastSequence}" : string.Empty)}: removed from the end (the chain head says {head.LastSequence} records)");
            }
            else if (head.LastSequence == last && records.Count > 0 && head.LastHash != previousHash)
            {
                findings.Add($"record {last}: does not match the chain head's hash");
            }
        }

        return findings;
    }
}
