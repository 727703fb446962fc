using System.Diagnostics;

namespace Hub.Sync.Benchmarks;

/// <summary>
/// Each timed phase starts with no dirty pages left from the one before: the operating system would otherwise write
/// them back while the next phase runs, and that phase's fsyncs would wait behind them.
/// </summary>
internal static class Disk
{
    public static void Flush()
    {
        using var sync = Process.Start(new ProcessStartInfo("sync") { UseShellExecute = false });
        sync?.WaitForExit();
    }
}
