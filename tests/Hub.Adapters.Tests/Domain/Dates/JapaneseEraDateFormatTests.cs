using Hub.Adapters.Domain.Dates;

namespace Hub.Adapters.Tests.Domain.Dates;

public class JapaneseEraDateFormatTests
{
    [Theory]
    [InlineData("R05.04.01", "令和5年4月1日", "5050401")]
    [InlineData("5010501", "令和元年5月1日", "5010501")]
    [InlineData("2019-05-01", "令和元年5月1日", "5010501")]
    [InlineData("2019-04-30", "平成31年4月30日", "4310430")]
    [InlineData("1989-01-07", "昭和64年1月7日", "3640107")]
    [InlineData("1989-01-08", "平成元年1月8日", "4010108")]
    [InlineData("明治45年7月30日", "明治45年7月30日", "1450730")]
    [InlineData("1912-07-30", "大正元年7月30日", "2010730")]
    [InlineData("1926-12-25", "昭和元年12月25日", "3011225")]
    [InlineData("平成3年2月29日", "平成3年2月29日", "4030229")]
    [InlineData("昭和20年3月上旬", "昭和20年3月上旬", "3200300")]
    [InlineData("昭和20年3月", "昭和20年3月", "3200300")]
    [InlineData("昭和20年", "昭和20年", "3200000")]
    [InlineData("昭和20年頃", "昭和20年頃", "3200000")]
    [InlineData("3450300", "昭和45年3月", "3450300")]
    [InlineData("昭和不詳", "昭和不詳", "3000000")]
    [InlineData("年月日不詳", "不詳", "0000000")]
    [InlineData("1985年頃", "昭和60年頃", "3600000")]
    [InlineData("1989", "昭和64年", "3640000")]
    [InlineData("2019-05", "令和元年5月", "5010500")]
    [InlineData("1868/1/1", "明治元年1月1日", "1010101")]
    public void ToWarekiAndToEraCode_Formats(string text, string wareki, string code)
    {
        var date = JapaneseEraDate.Parse(text);

        Assert.Equal(wareki, date.ToWareki());
        Assert.Equal(code, date.ToEraCode());
    }

    [Theory]
    [InlineData("1867-12-31")]
    [InlineData("1800年頃")]
    public void ToWareki_BeforeMeiji_Throws(string text)
    {
        var date = JapaneseEraDate.Parse(text);

        Assert.Throws<InvalidOperationException>(date.ToWareki);
        Assert.Throws<InvalidOperationException>(date.ToEraCode);
    }

    [Fact]
    public void ToEraCode_EraYearOver99_Throws()
    {
        var date = JapaneseEraDate.Parse("2099-01-01"); // 令和81年: fits

        Assert.Equal("5810101", date.ToEraCode());
        Assert.Throws<InvalidOperationException>(JapaneseEraDate.Parse("2200-01-01").ToEraCode);
    }

    [Theory]
    [InlineData(2023, 4, 1, true, "令和5年4月1日")]
    [InlineData(2019, 5, 1, true, "令和元年5月1日")]
    [InlineData(1912, 7, 30, true, "大正元年7月30日")]
    [InlineData(1912, 7, 29, true, "明治45年7月29日")]
    [InlineData(1926, 12, 25, true, "昭和元年12月25日")]
    [InlineData(1989, 1, 7, true, "昭和64年1月7日")]
    [InlineData(1989, 1, 8, true, "平成元年1月8日")]
    [InlineData(1985, 7, 4, false, "1985-07-04")]
    [InlineData(1700, 1, 2, false, "1700-01-02")]
    public void FromDate_WritesOriginalInTheChosenCalendar(int y, int m, int d, bool wareki, string expected)
    {
        var date = JapaneseEraDate.FromDate(new DateOnly(y, m, d), wareki);

        Assert.Equal(expected, date.Original);
        Assert.Equal(wareki ? DateCalendar.Wareki : DateCalendar.Seireki, date.Calendar);
        Assert.True(date.TryGetDate(out var back));
        Assert.Equal(new DateOnly(y, m, d), back);
        Assert.True(date.IsWithinEra);
        Assert.Equal(JapaneseEraDate.Parse(expected), date);
    }

    [Fact]
    public void FromDate_WarekiBeforeMeiji_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseEraDate.FromDate(new DateOnly(1867, 12, 31), wareki: true));

    [Fact]
    public void Equality_SameTextSameFields_Equal()
    {
        var a = JapaneseEraDate.Parse("令和5年4月1日");
        var b = JapaneseEraDate.Parse("令和5年4月1日");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.True(a == b);
    }

    [Theory]
    [InlineData("令和5年4月1日", "R05.04.01")]
    [InlineData("令和5年4月1日", "2023-04-01")]
    [InlineData("昭和20年", "昭和20年頃")]
    public void Equality_DifferentOriginal_NotEqual(string a, string b) =>
        Assert.NotEqual(JapaneseEraDate.Parse(a), JapaneseEraDate.Parse(b));

    [Theory]
    [MemberData(nameof(JapaneseEraDateParseTests.PartialDates), MemberType = typeof(JapaneseEraDateParseTests))]
    public void RoundTrip_PartialDates_ParseFormatParseKeepsFields(string text, DatePrecision precision, string? earliest, string? latest)
    {
        _ = (earliest, latest);
        var first = JapaneseEraDate.Parse(text);
        if (first.Earliest is { } e && e.Year < 1868)
        {
            return;
        }

        var again = JapaneseEraDate.Parse(first.ToWareki());

        Assert.Equal(precision, again.Precision);
        Assert.Equal(first.Earliest, again.Earliest);
        Assert.Equal(first.Latest, again.Latest);
        Assert.Equal(first.Month, again.Month);
        Assert.Equal(first.Xun, again.Xun);
    }
}
