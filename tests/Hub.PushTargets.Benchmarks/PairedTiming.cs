using System.Diagnostics;

namespace Hub.PushTargets.Benchmarks;

/// <summary>
/// Medians of the hub's and the hand-written query's times, measured alternately (each pair in swapped order every
/// other round) after one warm-up each, so that both see the same load on a shared machine; at least <c>runs</c> rounds,
/// more for short queries (about 2 s of rounds, at most 31), whose ratios a single scheduler hiccup would swing.
/// </summary>
internal static class PairedTiming
{
    public static async Task<(double Hub, double Hand)> RunAsync(int runs, Func<Task> hub, Func<Task> hand)
    {
        var clock = Stopwatch.StartNew();
        await hub();
        await hand();
        var rounds = Math.Clamp((int)Math.Ceiling(2000 / Math.Max(clock.Elapsed.TotalMilliseconds, 1)), runs, Math.Max(runs, 31));
        var hubTimes = new List<double>();
        var handTimes = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            foreach (var (body, times) in i % 2 == 0 ? new[] { (hub, hubTimes), (hand, handTimes) } : new[] { (hand, handTimes), (hub, hubTimes) })
            {
                clock.Restart();
                await body();
                times.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        return (Median(hubTimes), Median(handTimes));
    }

    private static double Median(List<double> times)
    {
        times.Sort();
        return times[times.Count / 2];
    }
}
