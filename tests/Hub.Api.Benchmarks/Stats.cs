namespace Hub.Api.Benchmarks;

/// <summary>Latencies of one load run.</summary>
internal sealed record Stats(int Count, int Errors, double Seconds, double P50, double P99, double Mean)
{
    /// <summary>CPU time the hub process used during the run (HTTP rows only).</summary>
    public TimeSpan? HubCpu { get; init; }

    /// <summary>CPU time the benchmark process itself used during the run (client, or the bare work it times).</summary>
    public TimeSpan? BenchmarkCpu { get; init; }

    public double PerSecond => Count / Seconds;

    public static Stats Of(List<double> milliseconds, int errors, double seconds)
    {
        milliseconds.Sort();
        double At(double q) => milliseconds.Count == 0 ? double.NaN : milliseconds[Math.Min(milliseconds.Count - 1, (int)Math.Ceiling(q * milliseconds.Count) - 1)];
        return new Stats(milliseconds.Count, errors, seconds, At(0.50), At(0.99), milliseconds.Count == 0 ? double.NaN : milliseconds.Average());
    }
}
