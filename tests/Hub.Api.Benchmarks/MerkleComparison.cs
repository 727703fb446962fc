using System.Globalization;
using Hub.Capabilities.Audit;
using Hub.Api.RequestContext;
using Hub.Capabilities.Requests;
using Hub.Data.Providers;

namespace Hub.Api.Benchmarks;

/// <summary>
/// <c>--merkle-ab</c>: the prefill over HTTP with the hash chain alone (<c>Hub:Audit:Checkpoints:Enabled=false</c>) and with
/// the Merkle tree and signed checkpoints (a checkpoint every second into a witness folder: the most the setting
/// allows), on the same database, in rounds chain / Merkle / Merkle / chain so that drift in the machine's load falls on
/// both alike. Records the chain-only rounds leave out of the tree are added by the Merkle hub's startup backfill,
/// before it listens, so outside the timed rows. Then the append alone, the one place the Merkle part works on a request's
/// path: the hub's group-commit writer with the tree off and on, in the same rounds, on the same database (the tree
/// brought up to the chain, untimed, before each Merkle round).
/// </summary>
internal static class MerkleComparison
{
    /// <summary>The throughput the Merkle part may cost: at most 10 %.</summary>
    public const double MaxLoss = 0.10;

    public static async Task RunAsync(
        string hub,
        string root,
        DatabaseProvider kind,
        string connectionString,
        string witness,
        IReadOnlyList<string> applicants,
        string token,
        Func<HttpClient, PrefillClient> client,
        IReadOnlyList<int> levels,
        TimeSpan warmUp,
        int maxRequests,
        TimeSpan maxTime,
        double p99Target,
        List<string> rows,
        List<string> notes,
        Func<DatabaseProvider, string, Stats, string> row,
        Func<int> freePort)
    {
        var results = new Dictionary<(bool Merkle, int Concurrency), List<Stats>>();
        foreach (var merkle in new[] { false, true, true, false })
        {
            var settings = new Dictionary<string, string>
            {
                ["Hub__Audit__Checkpoints__Enabled"] = merkle ? "true" : "false",
                ["Hub__Audit__Checkpoints__WitnessDirectory"] = witness,
                // A checkpoint every second by default (the most the setting allows); HUB_BENCH_CHECKPOINT_INTERVAL sets another.
                ["Hub__Audit__Checkpoints__Interval"] = Environment.GetEnvironmentVariable("HUB_BENCH_CHECKPOINT_INTERVAL") ?? "00:00:01",
            };
            var port = freePort();
            await using var process = await HubServerProcess.StartAsync(hub, root, kind.ToString(), connectionString, port, settings);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
            {
                BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            };
            var prefill = client(http);
            prefill.Prepare(applicants);
            await prefill.VerifyAsync(applicants[0]);
            foreach (var concurrency in levels)
            {
                // The steady state (see --warmup): a hub's first minute is spent tiering up its code, the checkpoint round's with it.
                await Load.RunAsync(c => prefill.SendAsync(applicants[c % applicants.Count]), concurrency, 1_000_000, concurrency == levels[0] ? warmUp : warmUp / 4);
                var hubCpu = process.CpuTime;
                var stats = await Load.RunAsync(c => prefill.SendAsync(applicants[c % applicants.Count]), concurrency, maxRequests, maxTime);
                stats = stats with { HubCpu = process.CpuTime - hubCpu };
                var key = (merkle, concurrency);
                results.TryAdd(key, []);
                results[key].Add(stats);
                rows.Add(row(kind, $"prefill over HTTP, {(merkle ? "Merkle + checkpoints" : "hash chain alone")}, c={concurrency}, round {results[key].Count}", stats));
            }
        }

        await AppendsAsync(kind, connectionString, applicants, [1, .. levels], maxRequests, maxTime, rows, notes, row);
        foreach (var concurrency in levels)
        {
            var chain = Pool(results[(false, concurrency)]);
            var tree = Pool(results[(true, concurrency)]);
            var loss = 1 - (tree.PerSecond / chain.PerSecond);
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{kind}: c={concurrency}, both rounds pooled: hash chain alone {chain.PerSecond:N0} req/s (p99 {chain.P99:F2} ms, hub CPU {chain.HubCpuPerRequest:N0} µs/req); Merkle + checkpoints {tree.PerSecond:N0} req/s (p99 {tree.P99:F2} ms, hub CPU {tree.HubCpuPerRequest:N0} µs/req): throughput {(loss >= 0 ? "loss" : "gain")} {Math.Abs(loss):P1}. Targets (loss ≤ {MaxLoss:P0}, p99 < {p99Target} ms with Merkle): {(loss <= MaxLoss && tree.P99 < p99Target ? "met" : "not met")}."));
        }
    }

    private static async Task AppendsAsync(
        DatabaseProvider kind,
        string connectionString,
        IReadOnlyList<string> applicants,
        IReadOnlyList<int> levels,
        int maxRequests,
        TimeSpan maxTime,
        List<string> rows,
        List<string> notes,
        Func<DatabaseProvider, string, Stats, string> row)
    {
        var factory = new HubDbContextFactory(new HubDatabaseOptions { Provider = kind.ToString(), ConnectionString = connectionString });
        var writers = new Dictionary<bool, DatabaseAccessRecordWriter>
        {
            [false] = new(factory, TimeProvider.System, tree: false),
            [true] = new(factory, TimeProvider.System, tree: true),
        };
        var results = new Dictionary<(bool Merkle, int Concurrency), List<Stats>>();
        foreach (var merkle in new[] { false, true, true, false })
        {
            if (merkle)
            {
                await new AccessRecordTreeBackfill(factory).CatchUpAsync(CancellationToken.None);
            }

            foreach (var concurrency in levels)
            {
                var writer = writers[merkle];
                Task Append(int c) => writer.AppendAsync(
                    new HubRequestContext("child-allowance", "benchmark", "BENCH-APPEND", "demo-child-clerk", ["staff"], null, null),
                    new AccessEntry(["prefill"], [applicants[c % applicants.Count]], ["household.members", "resident.birthDate", "resident.name"], false),
                    "1",
                    CancellationToken.None);
                await Load.RunAsync(Append, concurrency, 500, TimeSpan.FromSeconds(2));
                var cpu = Self.CpuTime;
                var stats = await Load.RunAsync(Append, concurrency, maxRequests, maxTime);
                stats = stats with { BenchmarkCpu = Self.CpuTime - cpu };
                var key = (merkle, concurrency);
                results.TryAdd(key, []);
                results[key].Add(stats);
                rows.Add(row(kind, $"access record append alone, {(merkle ? "Merkle tree" : "hash chain alone")}, c={concurrency}, round {results[key].Count}", stats));
            }
        }

        foreach (var concurrency in levels)
        {
            var chain = results[(false, concurrency)];
            var tree = results[(true, concurrency)];
            double PerAppend(List<Stats> r) => r.Sum(s => s.BenchmarkCpu?.TotalMicroseconds ?? 0) / r.Sum(s => s.Count);
            double Rate(List<Stats> r) => r.Sum(s => s.Count) / r.Sum(s => s.Seconds);
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"{kind}: append alone c={concurrency}, both rounds pooled: hash chain alone {Rate(chain):N0}/s, {PerAppend(chain):N0} µs CPU each (mean {chain.Average(s => s.Mean):F2} ms); Merkle tree {Rate(tree):N0}/s, {PerAppend(tree):N0} µs CPU each (mean {tree.Average(s => s.Mean):F2} ms): +{PerAppend(tree) - PerAppend(chain):N0} µs CPU per record."));
        }
    }

    // Two rounds as one: requests over seconds, the worse p99, CPU per request over both.
    private static (double PerSecond, double P99, double HubCpuPerRequest) Pool(List<Stats> rounds) =>
        (rounds.Sum(r => r.Count) / rounds.Sum(r => r.Seconds),
         rounds.Max(r => r.P99),
         rounds.Sum(r => r.HubCpu?.TotalMicroseconds ?? 0) / Math.Max(1, rounds.Sum(r => r.Count)));
}
