using System.Diagnostics;
using System.Globalization;

namespace Hub.Sync.Benchmarks;

/// <summary>
/// Samples this process's resident set every 50 ms and keeps the largest value since the last reset, with what made it
/// up at that moment: anonymous memory (managed heap, native allocations such as SQLite's), file-backed pages (mapped
/// assemblies and files), the managed heap's live size and what the GC has committed, and the phase the
/// program was in (<see cref="Enter"/>).
/// </summary>
internal sealed class PeakMemory : IDisposable
{
    private readonly Timer _timer;
    private readonly object _gate = new();
    private long _peak;
    private string _breakdown = string.Empty;
    private string _phase = string.Empty;

    public PeakMemory() => _timer = new Timer(_ => Sample(), null, 0, 50);

    /// <summary>Names what the program does from now on (e.g. the source being synced) in <see cref="PeakBreakdown"/>; empty for nothing.</summary>
    public void Enter(string phase)
    {
        Sample();
        lock (_gate)
        {
            _phase = phase;
        }
    }

    public long PeakBytes
    {
        get
        {
            Sample();
            lock (_gate)
            {
                return _peak;
            }
        }
    }

    /// <summary>e.g. <c>anon 402 MB, file 61 MB, GC heap 188 MB (committed 240 MB), during resident-tax</c> at the peak.</summary>
    public string PeakBreakdown
    {
        get
        {
            lock (_gate)
            {
                return _breakdown;
            }
        }
    }

    public void Reset()
    {
        GC.Collect();
        lock (_gate)
        {
            _peak = 0;
            _breakdown = string.Empty;
        }
    }

    public void Dispose() => _timer.Dispose();

    private void Sample()
    {
        using var p = Process.GetCurrentProcess();
        var ws = p.WorkingSet64;
        lock (_gate)
        {
            if (ws <= _peak)
            {
                return;
            }

            _peak = ws;
            var gc = GC.GetGCMemoryInfo();
            _breakdown = string.Create(CultureInfo.InvariantCulture,
                $"anon {StatusKib("RssAnon:") / 1024:N0} MB, file {StatusKib("RssFile:") / 1024:N0} MB, GC heap {GC.GetTotalMemory(false) / 1048576:N0} MB (committed {gc.TotalCommittedBytes / 1048576:N0} MB){(_phase.Length > 0 ? ", during " + _phase : string.Empty)}");
        }
    }

    private static long StatusKib(string field)
    {
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(field, StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line[field.Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
