using System.Globalization;
using Hub.Adapters.Domain.Dates;

namespace Hub.Adapters.Tests.Domain.Dates;

/// <summary>The fast ISO forms give exactly what the general parsers give, and anything else is left to them.</summary>
public sealed class IsoTextTests
{
    public static TheoryData<string?> Dates => new()
    {
        "2025-04-01", "2024-02-29", "2025-02-29", "0001-01-01", "9999-12-31", "0000-01-01", "2025-13-01", "2025-00-10", "2025-04-31",
        "2025-4-01", "20250401", "2025/04/01", " 2025-04-01", "２０２５-04-01", "2025-04-01T00:00:00", string.Empty,
    };

    public static TheoryData<string?> Timestamps => new()
    {
        "2025-11-02T10:15:00+09:00", "2025-11-02T10:15:00-03:30", "2025-11-02T10:15:00Z", "2025-11-02T23:59:59+14:00", "2025-11-02T10:15:00+14:01",
        "2025-11-02T24:00:00+09:00", "2025-11-02T10:60:00+09:00", "2025-02-29T10:15:00+09:00", "0001-01-01T00:00:00+09:00", "9999-12-31T23:59:59-09:00",
        "2025-11-02T10:15:00.123+09:00", "2025-11-02 10:15:00+09:00", "2025-11-02T10:15:00+0900", "2025-11-02", "nonsense", string.Empty,
    };

    [Theory]
    [MemberData(nameof(Dates))]
    public void Date_SameAsTheExactParser(string? text)
    {
        var expectedOk = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected);

        Assert.Equal((expectedOk, expected), (IsoText.TryParseDate(text, out var actual), actual));
    }

    [Theory]
    [MemberData(nameof(Timestamps))]
    public void Timestamp_SameAsTheGeneralParser(string? text)
    {
        var expectedOk = DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expected);

        var ok = IsoText.TryParseTimestamp(text, out var actual);

        Assert.Equal(expectedOk, ok);
        Assert.Equal((expected, expected.Offset), (actual, actual.Offset));
    }
}
