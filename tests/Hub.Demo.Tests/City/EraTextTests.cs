using Hub.Demo.City;

namespace Hub.Demo.Tests.City;

public class EraTextTests
{
    [Theory]
    [InlineData(1970, 3, 12, "昭和45年3月12日")]
    [InlineData(2019, 5, 1, "令和元年5月1日")]
    [InlineData(2019, 4, 30, "平成31年4月30日")]
    [InlineData(1989, 1, 7, "昭和64年1月7日")]
    [InlineData(1989, 1, 8, "平成元年1月8日")]
    [InlineData(1926, 12, 25, "昭和元年12月25日")]
    [InlineData(1926, 12, 24, "大正15年12月24日")]
    [InlineData(1912, 7, 30, "大正元年7月30日")]
    public void Format_Date_JapaneseEraText(int year, int month, int day, string expected) =>
        Assert.Equal(expected, EraText.Format(new DateOnly(year, month, day)));
}
