using Hub.Capabilities.PushTargets;
using Hub.Capabilities.PushTargets.Criteria;

namespace Hub.Api.Tests.PushTargets;

public sealed class AgeRulesTests
{
    [Theory]
    [InlineData("1952-02-29", 75, "2027-03-01")] // 平年: the 75th birthday of a 2月29日 birth is 3月1日
    [InlineData("1952-02-29", 76, "2028-02-29")]
    [InlineData("1951-04-01", 75, "2026-04-01")] // 後期高齢者医療: 資格取得日 is the birthday itself
    public void Birthday_Examples(string birth, int age, string expected) =>
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), AgeRules.Birthday(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), age));

    [Theory]
    [InlineData("2024-02-29", "2025-02-28", 0)]
    [InlineData("2024-02-29", "2025-03-01", 1)]
    [InlineData("1951-04-02", "2026-04-01", 74)]
    [InlineData("1951-04-01", "2026-04-01", 75)]
    public void AgeOn_Examples(string birth, string on, int expected) =>
        Assert.Equal(expected, AgeRules.AgeOn(DateOnly.Parse(birth, System.Globalization.CultureInfo.InvariantCulture), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void DateWindow_NextMonth_IsTheWholeFollowingMonth()
    {
        Assert.Equal((new DateOnly(2027, 2, 1), new DateOnly(2027, 2, 28)), new DateWindow(DateWindowKind.NextMonth, 0).On(new DateOnly(2027, 1, 31)));
        Assert.Equal((new DateOnly(2027, 1, 1), new DateOnly(2027, 1, 31)), new DateWindow(DateWindowKind.NextMonth, 0).On(new DateOnly(2026, 12, 5)));
    }

    [Fact]
    public void FiscalYear_Current_FollowsAprilToMarch()
    {
        Assert.Equal(2025, new FiscalYearReference(null, 0).On(new DateOnly(2026, 3, 31)));
        Assert.Equal(2026, new FiscalYearReference(null, 0).On(new DateOnly(2026, 4, 1)));
        Assert.Equal(2025, new FiscalYearReference(null, -1).On(new DateOnly(2026, 4, 1)));
    }
}
