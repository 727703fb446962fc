using System.Globalization;

namespace Hub.Api.CommandLine;

/// <summary>
/// Progress of one source's run on standard error: on a terminal a bar redrawn in place with rows and rows/s;
/// redirected, a plain line at most once a second. Sources stream, so the total is unknown and the bar
/// sweeps rather than fills.
/// </summary>
internal sealed class SyncProgressDisplay(string source, TextWriter output, bool terminal, TimeProvider time) : IProgress<long>
{
    public const int BarWidth = 20;

    private readonly long _started = time.GetTimestamp();
    private readonly Lock _gate = new();
    private long _lastLine = long.MinValue;
    private int _frame;
    private bool _drawn;

    public void Report(long value)
    {
        lock (_gate)
        {
            var now = time.GetTimestamp();
            var elapsed = time.GetElapsedTime(_started, now);
            if (terminal)
            {
                output.Write("\r" + BarLine(source, value, elapsed, _frame++));
                _drawn = true;
            }
            else if (_lastLine == long.MinValue || time.GetElapsedTime(_lastLine, now) >= TimeSpan.FromSeconds(1))
            {
                output.WriteLine(PlainLine(source, value, elapsed));
                _lastLine = now;
            }
        }
    }

    /// <summary>Ends the bar's line so that what follows starts on a fresh one.</summary>
    public void Complete()
    {
        lock (_gate)
        {
            if (_drawn)
            {
                output.WriteLine();
                _drawn = false;
            }
        }
    }

    public static string PlainLine(string source, long rows, TimeSpan elapsed) => string.Create(CultureInfo.InvariantCulture,
        $"{source}: {rows:N0} rows read, {SyncSummaryTable.Rate(rows, elapsed)} rows/s");

    public static string BarLine(string source, long rows, TimeSpan elapsed, int frame) => string.Create(CultureInfo.InvariantCulture,
        $"{source,-20} [{Bar(frame)}] {rows,12:N0} rows {SyncSummaryTable.Rate(rows, elapsed),10} rows/s");

    /// <summary>A block of 4 sweeping back and forth across <see cref="BarWidth"/> cells.</summary>
    public static string Bar(int frame)
    {
        const int block = 4;
        var span = BarWidth - block;
        var step = frame % (2 * span);
        var at = step <= span ? step : 2 * span - step;
        return new string(' ', at) + new string('=', block) + new string(' ', span - at);
    }
}
