using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Hub.Policy.Enforcement;
using Hub.Policy.Model;
using Hub.Policy.Persistence;

namespace Hub.Policy.Benchmarks;

/// <summary>
/// The side-by-side run: the same model, policy and requests decided by Hub.Policy (in process) and node-casbin
/// (node, through tests/Hub.Policy.Tests/Oracle/oracle.js), each in a timed single-threaded loop; decisions are compared
/// and the table printed as Markdown.
/// </summary>
public static class SideBySide
{
    private static readonly TimeSpan HubLoop = TimeSpan.FromSeconds(2);
    private const double NodeSeconds = 3;

    public static int Run()
    {
        var oracle = Path.Combine(HubDefaultPolicy.Root, "tests", "Hub.Policy.Tests", "Oracle");
        if (!File.Exists(Path.Combine(oracle, "node_modules", "casbin", "package.json")) && Execute(oracle, "npm", ["install", "--no-audit", "--no-fund", "--no-package-lock"]).Code != 0)
        {
            Console.Error.WriteLine("npm install of casbin failed; node-casbin column unavailable");
            return 1;
        }

        var rows = new List<string>();
        var nodeCases = new List<object>();
        var hubResults = new List<(RbacShape Shape, double Dps, double LoadMs, double MegaBytes, bool[] Decisions)>();
        foreach (var shape in RbacShape.All)
        {
            var policy = shape.Policy();
            var requests = shape.Requests();
            hubResults.Add(MeasureHub(shape, policy, requests));
            nodeCases.Add(new { model = RbacShape.Model, policy, requests, seconds = NodeSeconds });
        }

        var input = Path.Combine(Path.GetTempPath(), $"hub-policy-bench-{Environment.ProcessId}.json");
        File.WriteAllText(input, JsonSerializer.Serialize(nodeCases));
        var (code, stdout, stderr) = Execute(oracle, "node", ["oracle.js", "--bench", input]);
        File.Delete(input);
        if (code != 0)
        {
            Console.Error.WriteLine("node-casbin run failed: " + stderr);
            return 1;
        }

        using var node = JsonDocument.Parse(stdout);
        Console.WriteLine($"| shape | rules | Hub.Policy decisions/s | node-casbin decisions/s | node-casbin ms/decision | speed-up | same decisions | Hub load + first decision | Hub managed memory |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | --- | ---: | ---: |");
        var allSame = true;
        for (var i = 0; i < hubResults.Count; i++)
        {
            var (shape, dps, loadMs, megaBytes, decisions) = hubResults[i];
            var n = node.RootElement[i];
            var nodeDps = n.GetProperty("decisions").GetDouble() / n.GetProperty("seconds").GetDouble();
            var nodeDecisions = n.GetProperty("results").EnumerateArray().Select(e => e.GetBoolean()).ToArray();
            var same = nodeDecisions.SequenceEqual(decisions);
            allSame &= same;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {shape.Name} ({shape.Roles:N0} roles, {shape.Users:N0} users) | {shape.RuleCount:N0} | {dps:N0} | {nodeDps:N0} | {1000 / nodeDps:N3} | {dps / nodeDps:N0}x | {(same ? "yes" : "NO")} ({decisions.Length} requests, {decisions.Count(d => d)} allowed) | {loadMs:N0} ms | {megaBytes:N1} MB |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"FieldMask, warm cache, 10-field selection: {MeasureMask():N0} ns per selection"));
        return allSame ? 0 : 2;
    }

    private static (RbacShape, double, double, double, bool[]) MeasureHub(RbacShape shape, string policy, IReadOnlyList<string[]> requests)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        var enforcer = new Enforcer(PolicyModel.Parse(RbacShape.Model), PolicyCsvReader.Parse(policy));
        var decisions = requests.Select(r => enforcer.Enforce(r)).ToArray();
        var loadMs = watch.Elapsed.TotalMilliseconds;
        var after = GC.GetTotalMemory(forceFullCollection: true);

        var count = 0L;
        watch.Restart();
        while (watch.Elapsed < HubLoop)
        {
            for (var i = 0; i < 1024; i++)
            {
                enforcer.Enforce(requests[(int)(count++ % requests.Count)]);
            }
        }

        var dps = count / watch.Elapsed.TotalSeconds;
        GC.KeepAlive(enforcer);
        return (shape, dps, loadMs, (after - before) / 1024.0 / 1024.0, decisions);
    }

    private static double MeasureMask()
    {
        var bench = new FieldMaskBenchmarks();
        bench.Setup();
        const int iterations = 200_000;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            bench.WarmMaskTenFields();
        }

        return watch.Elapsed.TotalNanoseconds / iterations;
    }

    private static (int Code, string Stdout, string Stderr) Execute(string folder, string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
