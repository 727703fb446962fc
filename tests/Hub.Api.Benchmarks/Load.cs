using System.Diagnostics;

namespace Hub.Api.Benchmarks;

/// <summary>Runs an operation from <c>concurrency</c> workers until <c>count</c> calls are done or the time is up.</summary>
internal static class Load
{
    public static async Task<Stats> RunAsync(Func<int, Task> operation, int concurrency, int count, TimeSpan limit)
    {
        var next = -1;
        var errors = 0;
        var latencies = new List<double>[concurrency];
        var clock = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, concurrency).Select(w => Task.Run(async () =>
        {
            var mine = latencies[w] = new List<double>(count / concurrency + 1);
            int i;
            while ((i = Interlocked.Increment(ref next)) < count && clock.Elapsed < limit)
            {
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await operation(i).ConfigureAwait(false);
                    mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
#pragma warning disable CA1031 // a failed call is counted, the run goes on
                catch (Exception)
#pragma warning restore CA1031
                {
                    Interlocked.Increment(ref errors);
                }
            }
        })).ToArray();
        await Task.WhenAll(workers).ConfigureAwait(false);
        var seconds = clock.Elapsed.TotalSeconds;
        return Stats.Of([.. latencies.SelectMany(l => l)], errors, seconds);
    }
}
