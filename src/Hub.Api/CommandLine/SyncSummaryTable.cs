using System.Globalization;
using System.Text;
using Hub.Sync.Running;

namespace Hub.Api.CommandLine;

/// <summary>The table <c>hub sync run</c> prints after its runs: one row per source, with rows/s.</summary>
internal static class SyncSummaryTable
{
    public const string Header = "source               status         read  inserted   updated unchanged quarantined balanced  seconds     rows/s";

    public static string Format(IEnumerable<SyncRunSummary> runs)
    {
        var sb = new StringBuilder(Header).Append('\n');
        foreach (var r in runs)
        {
            sb.Append(Row(r)).Append('\n');
        }

        return sb.ToString();
    }

    public static string Row(SyncRunSummary r) => string.Create(CultureInfo.InvariantCulture,
        $"{r.Source,-20} {r.Status,-9} {r.Read,9:N0} {r.Inserted,9:N0} {r.Updated,9:N0} {r.Unchanged,9:N0} {r.Quarantined,11:N0} {(r.IsBalanced ? "yes" : "NO"),-8} {r.Elapsed.TotalSeconds,8:F1} {Rate(r.Read, r.Elapsed),10}");

    /// <summary>Rows per second, or <c>-</c> when nothing was read or no time passed.</summary>
    public static string Rate(long rows, TimeSpan elapsed) =>
        rows <= 0 || elapsed <= TimeSpan.Zero ? "-" : (rows / elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);
}
