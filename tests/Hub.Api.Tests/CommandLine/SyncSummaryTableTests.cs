using Hub.Api.CommandLine;
using Hub.Sync.Running;

namespace Hub.Api.Tests.CommandLine;

/// <summary>What <c>hub sync run</c> prints: the summary table and the progress lines (formats, not timing).</summary>
public sealed class SyncSummaryTableTests
{
    [Fact]
    public void Format_SucceededAndUnbalancedRuns_OneRowEachWithRateAndBalance()
    {
        var ok = new SyncRunSummary(7, "resident-registry", SyncRunStatus.Succeeded, 10_000, 9_000, 500, 400, 100, "w", null, TimeSpan.FromSeconds(4));
        var bad = new SyncRunSummary(8, "resident-tax", SyncRunStatus.Failed, 10, 3, 0, 0, 0, null, "SyncImbalanceException: …", TimeSpan.Zero);

        var lines = SyncSummaryTable.Format([ok, bad]).Split('\n');

        Assert.Equal(SyncSummaryTable.Header, lines[0]);
        Assert.Equal("resident-registry    Succeeded    10,000     9,000       500       400         100 yes           4.0      2,500", lines[1]);
        Assert.Equal("resident-tax         Failed           10         3         0         0           0 NO            0.0          -", lines[2]);
        Assert.Equal(string.Empty, lines[3]);
        Assert.All(lines[..3], l => Assert.Equal(SyncSummaryTable.Header.Length, l.Length));
    }

    [Theory]
    [InlineData(0, 10, "-")]
    [InlineData(100, 0, "-")]
    [InlineData(1_500, 2, "750")]
    [InlineData(3_000_000, 2, "1,500,000")]
    public void Rate_RowsPerSecond(long rows, int seconds, string expected) =>
        Assert.Equal(expected, SyncSummaryTable.Rate(rows, TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void PlainLine_NamesSourceRowsAndRate() =>
        Assert.Equal("resident-registry: 4,000 rows read, 2,000 rows/s", SyncProgressDisplay.PlainLine("resident-registry", 4_000, TimeSpan.FromSeconds(2)));

    [Fact]
    public void BarLine_FixedWidthBarThatSweeps()
    {
        var first = SyncProgressDisplay.BarLine("resident-registry", 4_000, TimeSpan.FromSeconds(2), 0);

        Assert.Equal("resident-registry    [====                ]        4,000 rows      2,000 rows/s", first);
        Assert.Equal("                ====", SyncProgressDisplay.Bar(16));
        Assert.Equal(" ====               ", SyncProgressDisplay.Bar(31));
        Assert.All(Enumerable.Range(0, 64), f => Assert.Equal(SyncProgressDisplay.BarWidth, SyncProgressDisplay.Bar(f).Length));
    }

    [Fact]
    public void Report_Redirected_PlainLinesNoCarriageReturns()
    {
        var output = new StringWriter();
        var display = new SyncProgressDisplay("resident-registry", output, terminal: false, TimeProvider.System);

        display.Report(2_000);
        display.Complete();

        Assert.StartsWith("resident-registry: 2,000 rows read, ", output.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\r', output.ToString());
    }

    [Fact]
    public void Report_Terminal_RedrawsInPlaceThenEndsTheLine()
    {
        var output = new StringWriter();
        var display = new SyncProgressDisplay("resident-registry", output, terminal: true, TimeProvider.System);

        display.Report(2_000);
        display.Report(4_000);
        display.Complete();

        var text = output.ToString();
        Assert.Equal(2, text.Count(c => c == '\r'));
        Assert.EndsWith(Environment.NewLine, text, StringComparison.Ordinal);
    }
}
