using System.Globalization;
using Hub.Data.Providers;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Hub.Api.Benchmarks;

/// <summary>
/// <c>--merkle-paired</c>: the hash-chain-alone hub and the Merkle + checkpoints hub serve the same load at the same time,
/// each on its own copy of the synced database, each driven by its own closed-loop clients. Whatever else the machine
/// does in a second falls on both in that second, so their ratio is the Merkle part's cost under equal conditions; the
/// sequential A/B (<see cref="MerkleComparison"/>) compares different minutes and on this 2-core machine its noise is
/// as large as the effect. Each round starts a fresh pair of processes (so one process's JIT luck is not carried
/// through every round); rounds alternate which hub starts first.
/// </summary>
internal static class PairedMerkleComparison
{

    public static async Task RunAsync(
        string hub,
        string root,
        DatabaseProvider kind,
        string connectionString,
        string adminConnectionString,
        string work,
        IReadOnlyList<string> applicants,
        Func<HttpClient, PrefillClient> client,
        IReadOnlyList<int> levels,
        int rounds,
        TimeSpan warmUp,
        int maxRequests,
        TimeSpan maxTime,
        double p99Target,
        List<string> rows,
        List<string> notes,
        Func<DatabaseProvider, string, Stats, string> row,
        Func<int> freePort)
    {
        var chainDb = await CopyAsync(kind, connectionString, adminConnectionString, work);
        var merkleDb = await CopyAsync(kind, connectionString, adminConnectionString, work);
        var results = new Dictionary<(bool Merkle, int Concurrency), List<Stats>>();
        for (var round = 1; round <= rounds; round++)
        {
            var chainPort = freePort();
            var merklePort = freePort();
            var chainSettings = Settings(merkle: false, Path.Combine(work, $"witness-{Guid.NewGuid():N}"));
            var merkleSettings = Settings(merkle: true, Path.Combine(work, $"witness-{Guid.NewGuid():N}"));
            HubServerProcess chain, merkle;
            if (round % 2 == 1)
            {
                chain = await HubServerProcess.StartAsync(hub, root, kind.ToString(), chainDb, chainPort, chainSettings);
                merkle = await HubServerProcess.StartAsync(hub, root, kind.ToString(), merkleDb, merklePort, merkleSettings);
            }
            else
            {
                merkle = await HubServerProcess.StartAsync(hub, root, kind.ToString(), merkleDb, merklePort, merkleSettings);
                chain = await HubServerProcess.StartAsync(hub, root, kind.ToString(), chainDb, chainPort, chainSettings);
            }

            await using (chain)
            await using (merkle)
            {
                using var chainHttp = Http(chainPort);
                using var merkleHttp = Http(merklePort);
                var chainClient = client(chainHttp);
                var merkleClient = client(merkleHttp);
                chainClient.Prepare(applicants);
                merkleClient.Prepare(applicants);
                await chainClient.VerifyAsync(applicants[0]);
                await merkleClient.VerifyAsync(applicants[0]);
                foreach (var concurrency in levels)
                {
                    // The first level of a round warms up for warmUp (the steady state: profiles showed the JIT still
                    // tiering up the checkpoint round's code a minute after start, a one-time cost a serving hub pays in
                    // its first minutes), later levels for a quarter of it.
                    var warmUpNow = concurrency == levels[0] ? warmUp : warmUp / 4;
                    await Task.WhenAll(
                        Load.RunAsync(c => chainClient.SendAsync(applicants[c % applicants.Count]), concurrency, 1_000_000, warmUpNow),
                        Load.RunAsync(c => merkleClient.SendAsync(applicants[c % applicants.Count]), concurrency, 1_000_000, warmUpNow));
                    var (chainCpu, merkleCpu) = (chain.CpuTime, merkle.CpuTime);
                    var both = await Task.WhenAll(
                        Load.RunAsync(c => chainClient.SendAsync(applicants[c % applicants.Count]), concurrency, maxRequests, maxTime),
                        Load.RunAsync(c => merkleClient.SendAsync(applicants[c % applicants.Count]), concurrency, maxRequests, maxTime));
                    var chainStats = both[0] with { HubCpu = chain.CpuTime - chainCpu };
                    var merkleStats = both[1] with { HubCpu = merkle.CpuTime - merkleCpu };
                    Add(results, (false, concurrency), chainStats);
                    Add(results, (true, concurrency), merkleStats);
                    rows.Add(row(kind, $"paired, hash chain alone, c={concurrency}, round {round}", chainStats));
                    rows.Add(row(kind, $"paired, Merkle + checkpoints, c={concurrency}, round {round}", merkleStats));
                }
            }
        }

        foreach (var concurrency in levels)
        {
            var chain = results[(false, concurrency)];
            var tree = results[(true, concurrency)];
            var ratios = chain.Zip(tree, (a, b) => b.PerSecond / a.PerSecond).Order().ToList();
            var median = ratios[ratios.Count / 2];
            var (chainRate, chainP99, chainCpu) = Pool(chain);
            var (treeRate, treeP99, treeCpu) = Pool(tree);
            var loss = 1 - (treeRate / chainRate);
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{kind}: paired, c={concurrency} per hub, {rounds} rounds pooled: hash chain alone {chainRate:N0} req/s (p99 {chainP99:F2} ms, hub CPU {chainCpu:N0} µs/req); Merkle + checkpoints {treeRate:N0} req/s (p99 {treeP99:F2} ms, hub CPU {treeCpu:N0} µs/req): throughput {(loss >= 0 ? "loss" : "gain")} {Math.Abs(loss):P1} (per-round Merkle/chain ratios {string.Join(", ", ratios.Select(r => r.ToString("F3", CultureInfo.InvariantCulture)))}; median {median:F3}). Target loss ≤ {MerkleComparison.MaxLoss:P0}: {(loss <= MerkleComparison.MaxLoss ? "met" : "not met")}; p99 < {p99Target} ms with Merkle: {(treeP99 < p99Target ? "met" : "not met")} (two hubs and their clients share the machine's cores)."));
        }
    }

    private static Dictionary<string, string> Settings(bool merkle, string witness) => new()
    {
        ["Hub__Audit__Checkpoints__Enabled"] = merkle ? "true" : "false",
        ["Hub__Audit__Checkpoints__WitnessDirectory"] = witness,
        ["Hub__Audit__Checkpoints__Interval"] = Environment.GetEnvironmentVariable("HUB_BENCH_CHECKPOINT_INTERVAL") ?? "00:00:01",
    };

    private static HttpClient Http(int port) => new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = new Uri($"http://127.0.0.1:{port}"),
    };

    private static void Add(Dictionary<(bool, int), List<Stats>> results, (bool, int) key, Stats stats)
    {
        results.TryAdd(key, []);
        results[key].Add(stats);
    }

    // A copy of the synced database: SQLite's file after a checkpoint of its WAL; PostgreSQL's database as a template.
    private static async Task<string> CopyAsync(DatabaseProvider kind, string connectionString, string adminConnectionString, string work)
    {
        if (kind == DatabaseProvider.Sqlite)
        {
            var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
            await using (var connection = new SqliteConnection(connectionString))
            {
                await connection.OpenAsync();
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE)";
                await command.ExecuteNonQueryAsync();
            }

            SqliteConnection.ClearAllPools();
            var copy = Path.Combine(work, $"paired-{Guid.NewGuid():N}.db");
            File.Copy(source, copy);
            return $"Data Source={copy}";
        }

        var name = $"paired_{Guid.NewGuid():N}";
        NpgsqlConnection.ClearAllPools();
        await using (var admin = new NpgsqlConnection(adminConnectionString))
        {
            await admin.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{new NpgsqlConnectionStringBuilder(connectionString).Database}\"", admin);
            await command.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ConnectionString;
    }

    // Rounds as one: requests over seconds, the worse p99, CPU per request over all.
    private static (double PerSecond, double P99, double HubCpuPerRequest) Pool(List<Stats> rounds) =>
        (rounds.Sum(r => r.Count) / rounds.Sum(r => r.Seconds),
         rounds.Max(r => r.P99),
         rounds.Sum(r => r.HubCpu?.TotalMicroseconds ?? 0) / Math.Max(1, rounds.Sum(r => r.Count)));
}
