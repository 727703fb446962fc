using System.Globalization;
using System.Text;
using Hub.Sync.Writing.Sqlite;

namespace Hub.Sync.Tests.Writing;

/// <summary>The store's date text against .NET's formatting with the format Microsoft.Data.Sqlite uses.</summary>
public sealed class SqliteDateTextTests
{
    public static TheoryData<DateTime> Edges => new()
    {
        DateTime.MinValue,
        DateTime.MaxValue,
        new DateTime(1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(1),
        new DateTime(999, 12, 31, 23, 59, 59),
        new DateTime(2024, 2, 29, 9, 5, 7),
        new DateTime(2024, 2, 29, 9, 5, 7).AddTicks(1_000_000),  // .1
        new DateTime(2024, 2, 29, 9, 5, 7).AddTicks(1_200_000),  // .12
        new DateTime(2024, 2, 29, 9, 5, 7).AddTicks(10),         // .000001
        new DateTime(2024, 2, 29, 9, 5, 7).AddTicks(9_999_999),  // .9999999
        new DateTime(2026, 11, 23, 20, 0, 0, DateTimeKind.Local).AddTicks(5_000_000),
    };

    [Theory]
    [MemberData(nameof(Edges))]
    public void DateTime_AsDotNetFormatsIt_AtTheEdges(DateTime value) => AssertSame(value);

    [Fact]
    public void DateTime_AsDotNetFormatsIt_OverRandomInstants()
    {
        var random = new Random(7);
        for (var i = 0; i < 20_000; i++)
        {
            var ticks = random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks);
            // A third whole seconds, a third whole milliseconds, a third any tick.
            ticks -= (i % 3) switch { 0 => ticks % TimeSpan.TicksPerSecond, 1 => ticks % TimeSpan.TicksPerMillisecond, _ => 0 };
            AssertSame(new DateTime(ticks));
        }
    }

    [Fact]
    public void DateOnly_AsDotNetFormatsIt()
    {
        var random = new Random(11);
        Span<byte> utf8 = stackalloc byte[SqliteDateText.DateLength];
        foreach (var value in new[] { DateOnly.MinValue, DateOnly.MaxValue, new DateOnly(999, 1, 9) }
                     .Concat(Enumerable.Range(0, 5_000).Select(_ => DateOnly.FromDayNumber(random.Next(DateOnly.MaxValue.DayNumber + 1)))))
        {
            var n = SqliteDateText.Write(value, utf8);
            Assert.Equal(value.ToString(@"yyyy\-MM\-dd", CultureInfo.InvariantCulture), Encoding.UTF8.GetString(utf8[..n]));
        }
    }

    private static void AssertSame(DateTime value)
    {
        Span<byte> utf8 = stackalloc byte[SqliteDateText.MaxDateTimeLength];
        var n = SqliteDateText.Write(value, utf8);
        Assert.Equal(value.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture), Encoding.UTF8.GetString(utf8[..n]));
    }
}
