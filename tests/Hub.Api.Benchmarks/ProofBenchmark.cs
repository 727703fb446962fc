using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using Hub.Capabilities.Audit;
using Hub.Capabilities.Audit.Merkle;
using Hub.Data;
using Hub.Data.Providers;
using Microsoft.Data.Sqlite;

namespace Hub.Api.Benchmarks;

/// <summary>
/// <c>--proofs N</c>: the Merkle tree of N leaves in the hub's own tree table on SQLite (built once through
/// <see cref="MerkleFrontier.Append"/>, the group commit's append, into <c>access_record_tree</c>; kept for the next
/// run), then inclusion and consistency proofs read through <see cref="DatabaseMerkleNodeStore"/> (one query of O(log n)
/// nodes each) and verified with RFC 9162's algorithms: their size in hashes and bytes and the time to make and to check
/// them, beside the root read the same way.
/// </summary>
internal static class ProofBenchmark
{
    private const int Samples = 2_000;

    public static async Task<int> RunAsync(long size, string work)
    {
        var file = Path.Combine(work, $"proofs-{size}.db");
        var factory = new HubDbContextFactory(new HubDatabaseOptions { Provider = "Sqlite", ConnectionString = $"Data Source={file}" });
        await HubDatabaseInitializer.MigrateAsync(factory);
        var built = await BuildAsync(file, size);
        var reader = new MerkleTreeReader(new DatabaseMerkleNodeStore(factory));
        var root = await reader.RootAsync(size, CancellationToken.None);
        var random = new Random(9162);

        // Warm-up: the JIT and SQLite's statement preparation, not the figures.
        for (var i = 0; i < 200; i++)
        {
            await reader.InclusionProofAsync(random.NextInt64(size), size, CancellationToken.None);
        }

        var rootTimes = new List<double>();
        var inclusionTimes = new List<double>();
        var inclusionVerify = new List<double>();
        var inclusionHashes = new List<int>();
        var consistencyTimes = new List<double>();
        var consistencyVerify = new List<double>();
        var consistencyHashes = new List<int>();
        for (var i = 0; i < Samples; i++)
        {
            var start = Stopwatch.GetTimestamp();
            var again = await reader.RootAsync(size, CancellationToken.None);
            rootTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            Check(again.AsSpan().SequenceEqual(root), "root");

            var leaf = random.NextInt64(size);
            start = Stopwatch.GetTimestamp();
            var path = await reader.InclusionProofAsync(leaf, size, CancellationToken.None);
            inclusionTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            var leafHash = LeafHash(leaf);
            start = Stopwatch.GetTimestamp();
            var included = MerkleVerifier.VerifyInclusion(leaf, size, leafHash, path, root);
            inclusionVerify.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            Check(included, "inclusion proof");
            inclusionHashes.Add(path.Count);

            var first = 1 + random.NextInt64(size - 1);
            var firstRoot = await reader.RootAsync(first, CancellationToken.None);
            start = Stopwatch.GetTimestamp();
            var proof = await reader.ConsistencyProofAsync(first, size, CancellationToken.None);
            consistencyTimes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            start = Stopwatch.GetTimestamp();
            var consistent = MerkleVerifier.VerifyConsistency(first, size, firstRoot, root, proof);
            consistencyVerify.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            Check(consistent, "consistency proof");
            consistencyHashes.Add(proof.Count);
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Merkle proofs at {size:N0} leaves: SQLite tree table {new FileInfo(file).Length / 1048576.0:N0} MB ({built}); {Samples:N0} random leaves and first sizes; {Environment.ProcessorCount} cores; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}"));
        Console.WriteLine("| what | hashes (min–max, mean) | bytes (max) | p50 ms | p99 ms | mean ms |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        Console.WriteLine(Line("root read from the tree table (MTH at n)", null, rootTimes));
        Console.WriteLine(Line("inclusion proof: read and fold (DatabaseMerkleNodeStore)", inclusionHashes, inclusionTimes));
        Console.WriteLine(Line("inclusion proof: verify (RFC 9162 §2.1.3.2)", inclusionHashes, inclusionVerify));
        Console.WriteLine(Line("consistency proof m → n: read and fold", consistencyHashes, consistencyTimes));
        Console.WriteLine(Line("consistency proof m → n: verify (RFC 9162 §2.1.4.2)", consistencyHashes, consistencyVerify));
        return 0;
    }

    private static string Line(string what, List<int>? hashes, List<double> times)
    {
        times.Sort();
        double At(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        var count = hashes is null ? "–" : string.Create(CultureInfo.InvariantCulture, $"{hashes.Min()}–{hashes.Max()}, {hashes.Average():F1}");
        var bytes = hashes is null ? "–" : (hashes.Max() * MerkleHash.Size).ToString("N0", CultureInfo.InvariantCulture);
        return string.Create(CultureInfo.InvariantCulture, $"| {what} | {count} | {bytes} | {At(0.5):F3} | {At(0.99):F3} | {times.Average():F3} |");
    }

    // Leaf i stands for record i + 1 whose chain hash is SHA-256 of i: what the tree holds for a record is a leaf hash of 32 bytes.
    private static byte[] LeafHash(long leaf)
    {
        Span<byte> data = stackalloc byte[8];
        BitConverter.TryWriteBytes(data, leaf);
        return MerkleHash.Leaf(SHA256.HashData(data));
    }

    private static async Task<string> BuildAsync(string file, long size)
    {
        await using var connection = new SqliteConnection($"Data Source={file}");
        await connection.OpenAsync();
        await using (var count = connection.CreateCommand())
        {
            count.CommandText = "SELECT tree_size FROM access_record_head WHERE id = 1";
            if ((long)(await count.ExecuteScalarAsync())! == size)
            {
                return "reused";
            }
        }

        // Setting up, not measured: no journal, no sync.
        await using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF; DELETE FROM access_record_tree;";
            await pragma.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        var edge = MerkleFrontier.Empty();
        var transaction = connection.BeginTransaction();
        await using var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO access_record_tree (position, hash) VALUES ($p, $h)";
        var position = insert.Parameters.Add("$p", SqliteType.Integer);
        var hash = insert.Parameters.Add("$h", SqliteType.Blob);
        insert.Transaction = transaction;
        insert.Prepare();
        long nodes = 0;
        for (long leaf = 0; leaf < size; leaf++)
        {
            edge.Append(LeafHash(leaf), (node, value) =>
            {
                position.Value = node.Position;
                hash.Value = value;
                insert.ExecuteNonQuery();
                nodes++;
            });
            if (leaf % 1_000_000 == 999_999)
            {
                transaction.Commit();
                transaction = connection.BeginTransaction();
                insert.Transaction = transaction;
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{leaf + 1:N0} leaves, {nodes:N0} nodes, {clock.Elapsed.TotalSeconds:N0} s"));
            }
        }

        await using (var head = connection.CreateCommand())
        {
            head.Transaction = transaction;
            head.CommandText = "UPDATE access_record_head SET tree_size = $s, tree_edge = $e WHERE id = 1";
            head.Parameters.AddWithValue("$s", size);
            head.Parameters.AddWithValue("$e", edge.ToBytes());
            await head.ExecuteNonQueryAsync();
        }

        transaction.Commit();
        transaction.Dispose();
        return string.Create(CultureInfo.InvariantCulture, $"built in {clock.Elapsed.TotalSeconds:N0} s, {nodes:N0} nodes");
    }

    private static void Check(bool holds, string what)
    {
        if (!holds)
        {
            throw new InvalidOperationException($"{what} did not verify");
        }
    }
}
