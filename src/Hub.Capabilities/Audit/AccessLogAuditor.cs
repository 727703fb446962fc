using System.Globalization;
using Hub.Capabilities.Audit.Checkpoints;
using Hub.Capabilities.Audit.Merkle;
using Hub.Data;
using Hub.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace Hub.Capabilities.Audit;

/// <summary>
/// <c>hub audit verify</c>: the hash chain (<see cref="AccessRecordVerifier"/>), then the Merkle tree rebuilt from the
/// records' content compared with the stored one node by node, then each given checkpoint (already signature-checked):
/// the records must still hash to its root at its size, and the stored tree must prove, with a consistency proof
/// verified by RFC 9162 §2.1.4.2, that the log now extends it. A log cut at the end, wiped, restored from an older copy,
/// changed or forked fails one of these even when the chain and the head row were rewritten to match.
/// </summary>
public sealed class AccessLogAuditor(IDbContextFactory<HubDbContext> contexts)
{
    /// <summary>Stored nodes compared per query.</summary>
    private const int NodeBatch = 4_096;

    /// <summary>Node mismatches named one by one before they are only counted.</summary>
    private const int NodeFindingsNamed = 10;

    /// <summary>Audits the log against <paramref name="checkpoints"/>.</summary>
    public async Task<AccessLogAudit> AuditAsync(IReadOnlyList<CheckpointNote> checkpoints, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(checkpoints);
        var (records, head) = await new AccessRecordQueries(contexts).ChainAsync(null, null, cancellationToken).ConfigureAwait(false);
        var findings = new List<string>(AccessRecordVerifier.Verify(records, head));
        var confirmations = new List<string>();
        var treeSize = head?.TreeSize ?? 0;

        // The tree the records make now, from their content (not their stored hashes), with its roots at every size asked about.
        var wanted = checkpoints.Select(c => c.TreeSize).Append(treeSize).Append(records.Count).Where(s => s <= records.Count).ToHashSet();
        var roots = new Dictionary<long, byte[]> { [0] = MerkleHash.Empty() };
        var rebuilt = MerkleFrontier.Empty();
        var nodeCheck = new NodeCheck(new DatabaseMerkleNodeStore(contexts), treeSize, findings);
        foreach (var record in records)
        {
            var leaf = AccessRecordLeaf.Hash(AccessRecordChain.ComputeHash(record));
            rebuilt.Append(leaf, nodeCheck.Add);
            if (wanted.Contains(rebuilt.Size))
            {
                roots[rebuilt.Size] = rebuilt.Root();
            }

            await nodeCheck.FlushAsync(full: false, cancellationToken).ConfigureAwait(false);
        }

        await nodeCheck.FlushAsync(full: true, cancellationToken).ConfigureAwait(false);
        nodeCheck.Summarize();

        if (head is not null)
        {
            if (treeSize > records.Count)
            {
                findings.Add(string.Create(CultureInfo.InvariantCulture, $"Merkle tree: the head says it covers {treeSize} records, the log holds {records.Count}"));
            }
            else if (!MerkleFrontier.FromBytes(treeSize, head.TreeEdge).Root().AsSpan().SequenceEqual(roots[treeSize]))
            {
                findings.Add(string.Create(CultureInfo.InvariantCulture, $"Merkle tree: the head's edge does not give the records' root at size {treeSize}"));
            }
        }

        var reader = new MerkleTreeReader(new DatabaseMerkleNodeStore(contexts));
        foreach (var checkpoint in checkpoints.OrderBy(c => c.TreeSize))
        {
            var name = $"checkpoint of {checkpoint.TreeSize} records{(checkpoint.SignedAt is { } t ? string.Create(CultureInfo.InvariantCulture, $" signed {t.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ}") : string.Empty)}";
            if (checkpoint.TreeSize > records.Count)
            {
                findings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: the log holds only {records.Count} records: records were removed from the end, the log wiped, or the database restored from an older copy"));
                continue;
            }

            if (!roots[checkpoint.TreeSize].AsSpan().SequenceEqual(checkpoint.RootHash))
            {
                findings.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{name}: the first {checkpoint.TreeSize} records no longer hash to its root: records up to {checkpoint.TreeSize} were changed, removed, reordered or replaced (or the log forked)"));
                continue;
            }

            if (treeSize < checkpoint.TreeSize || treeSize > records.Count)
            {
                findings.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: the stored tree ({treeSize} records) cannot prove consistency with it"));
                continue;
            }

            try
            {
                var proof = await reader.ConsistencyProofAsync(checkpoint.TreeSize, treeSize, cancellationToken).ConfigureAwait(false);
                if (checkpoint.TreeSize > 0 && MerkleVerifier.VerifyConsistency(checkpoint.TreeSize, treeSize, checkpoint.RootHash, roots[treeSize], proof))
                {
                    confirmations.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{name}: the log extends it (consistency proof {checkpoint.TreeSize} → {treeSize}, {proof.Count} hash(es), verified against the records' root)"));
                }
                else
                {
                    findings.Add(string.Create(CultureInfo.InvariantCulture, $"{name}: the consistency proof {checkpoint.TreeSize} → {treeSize} from the stored tree does not verify"));
                }
            }
            catch (MerkleNodeMissingException e)
            {
                findings.Add($"{name}: {e.Message}");
            }
        }

        foreach (var size in checkpoints.GroupBy(c => c.TreeSize))
        {
            var distinct = size.Select(c => Convert.ToBase64String(c.RootHash)).Distinct(StringComparer.Ordinal).Count();
            if (distinct > 1)
            {
                findings.Add(string.Create(CultureInfo.InvariantCulture, $"fork: the checkpoints of {size.Key} records carry {distinct} different roots"));
            }
        }

        return new AccessLogAudit(findings, confirmations, records.Count, head?.LastSequence ?? 0);
    }

    /// <summary>Compares the rebuilt tree's nodes with the stored ones, a batch at a time (memory stays bounded).</summary>
    private sealed class NodeCheck(IMerkleNodeStore store, long storedSize, List<string> findings)
    {
        private readonly List<(MerkleNodeId Node, byte[] Hash)> _pending = new(NodeBatch);
        private int _mismatches;

        public void Add(MerkleNodeId node, byte[] hash)
        {
            // Only nodes the stored tree should have: those within its size.
            if (node.End <= storedSize)
            {
                _pending.Add((node, hash));
            }
        }

        public async Task FlushAsync(bool full, CancellationToken cancellationToken)
        {
            if (_pending.Count == 0 || (!full && _pending.Count < NodeBatch))
            {
                return;
            }

            var stored = await store.ReadAsync([.. _pending.Select(p => p.Node)], cancellationToken).ConfigureAwait(false);
            foreach (var (node, hash) in _pending)
            {
                var problem = !stored.TryGetValue(node, out var found) ? "missing" : found.AsSpan().SequenceEqual(hash) ? null : "does not match the records";
                if (problem is not null && ++_mismatches <= NodeFindingsNamed)
                {
                    var records = node.Level == 0 ? $"record {node.End}" : $"records {node.Start + 1}–{node.End}";
                    findings.Add(string.Create(CultureInfo.InvariantCulture, $"Merkle tree: node at level {node.Level}, index {node.Index} ({records}) {problem}"));
                }
            }

            _pending.Clear();
        }

        public void Summarize()
        {
            if (_mismatches > NodeFindingsNamed)
            {
                findings.Add(string.Create(CultureInfo.InvariantCulture, $"Merkle tree: {_mismatches - NodeFindingsNamed} more node(s) missing or not matching the records"));
            }
        }
    }
}
