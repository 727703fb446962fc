using System.Diagnostics;

namespace Hub.Sync.Benchmarks;

/// <summary>Samples this process's resident set every 50 ms and keeps the largest value since the last reset.</summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly Timer _timer;
    private long _peak;

    public PeakMemory() => _timer = new Timer(_ => Sample(), null, 0, 50);

    public long PeakBytes
    {
        get
        {
            Sample();
            return Interlocked.Read(ref _peak);
        }
    }

    public void Reset()
    {
        GC.Collect();
        Interlocked.Exchange(ref _peak, 0);
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        using var p = Process.GetCurrentProcess();
        var ws = p.WorkingSet64;
        long seen;
        while ((seen = Interlocked.Read(ref _peak)) < ws && Interlocked.CompareExchange(ref _peak, ws, seen) != seen)
        {
        }
    }
}
