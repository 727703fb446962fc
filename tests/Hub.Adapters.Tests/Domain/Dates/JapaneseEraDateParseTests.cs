using Hub.Adapters.Domain.Dates;

namespace Hub.Adapters.Tests.Domain.Dates;

public class JapaneseEraDateParseTests
{
    public static TheoryData<string, string> ExactDays => new()
    {
        { "令和5年4月1日", "2023-04-01" },
        { "令和元年5月1日", "2019-05-01" },
        { "令和５年４月１日", "2023-04-01" },
        { "R05.04.01", "2023-04-01" },
        { "R5.4.1", "2023-04-01" },
        { "r5/4/1", "2023-04-01" },
        { "Ｒ５．４．１", "2023-04-01" },
        { "H31.04.30", "2019-04-30" },
        { "S45.3.12", "1970-03-12" },
        { "昭45.3.12", "1970-03-12" },
        { "㍼45年3月12日", "1970-03-12" },
        { "R元.5.1", "2019-05-01" },
        { "5050401", "2023-04-01" },
        { "4310430", "2019-04-30" },
        { "1450730", "1912-07-30" },
        { "明治45年7月30日", "1912-07-30" },
        { "大正元年7月30日", "1912-07-30" },
        { "大正15年12月25日", "1926-12-25" },
        { "昭和元年12月25日", "1926-12-25" },
        { "昭和64年1月7日", "1989-01-07" },
        { "平成元年1月8日", "1989-01-08" },
        { "明治元年1月1日", "1868-01-01" },
        { " 令和 5年 4月 1日　", "2023-04-01" },
        { "1985-07-04", "1985-07-04" },
        { "1985/7/4", "1985-07-04" },
        { "1985.7.4", "1985-07-04" },
        { "19850704", "1985-07-04" },
        { "1985年7月4日", "1985-07-04" },
        { "西暦1985年7月4日", "1985-07-04" },
        { "１９８５－０７－０４", "1985-07-04" },
    };

    [Theory]
    [MemberData(nameof(ExactDays))]
    public void Parse_ExactDay_DenotesThatDay(string text, string iso)
    {
        var date = JapaneseEraDate.Parse(text);

        Assert.Equal(DatePrecision.Day, date.Precision);
        Assert.True(date.IsOnCalendar);
        Assert.True(date.IsWithinEra);
        Assert.True(date.TryGetDate(out var day));
        Assert.Equal(DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture), day);
        Assert.Equal(day, date.Earliest);
        Assert.Equal(day, date.Latest);
        Assert.Equal(iso, date.ToIso());
        Assert.Equal(text, date.Original);
        Assert.Equal(text, date.ToString());
    }

    [Theory]
    [InlineData("令和5年4月1日", DateCalendar.Wareki, JapaneseEra.Reiwa, 5)]
    [InlineData("R05.04.01", DateCalendar.Wareki, JapaneseEra.Reiwa, 5)]
    [InlineData("5050401", DateCalendar.Wareki, JapaneseEra.Reiwa, 5)]
    [InlineData("令和元年5月1日", DateCalendar.Wareki, JapaneseEra.Reiwa, 1)]
    [InlineData("M45.7.30", DateCalendar.Wareki, JapaneseEra.Meiji, 45)]
    [InlineData("T1.7.30", DateCalendar.Wareki, JapaneseEra.Taisho, 1)]
    public void Parse_Wareki_KeepsEraAndEraYear(string text, DateCalendar calendar, JapaneseEra era, int eraYear)
    {
        var date = JapaneseEraDate.Parse(text);

        Assert.Equal(calendar, date.Calendar);
        Assert.Equal(era, date.Era);
        Assert.Equal(eraYear, date.EraYear);
    }

    [Theory]
    [InlineData("1985-07-04")]
    [InlineData("19850704")]
    [InlineData("1985年頃")]
    public void Parse_Seireki_HasNoEra(string text)
    {
        var date = JapaneseEraDate.Parse(text);

        Assert.Equal(DateCalendar.Seireki, date.Calendar);
        Assert.Null(date.Era);
        Assert.Null(date.EraYear);
        Assert.Equal(1985, date.Year);
    }

    public static TheoryData<string, DatePrecision, string?, string?> PartialDates => new()
    {
        { "昭和20年頃", DatePrecision.ApproximateYear, "1945-01-01", "1945-12-31" },
        { "昭和20年ごろ", DatePrecision.ApproximateYear, "1945-01-01", "1945-12-31" },
        { "昭和20年3月上旬", DatePrecision.Xun, "1945-03-01", "1945-03-10" },
        { "昭和20年3月中旬", DatePrecision.Xun, "1945-03-11", "1945-03-20" },
        { "昭和20年3月下旬", DatePrecision.Xun, "1945-03-21", "1945-03-31" },
        { "平成4年2月下旬", DatePrecision.Xun, "1992-02-21", "1992-02-29" },
        { "昭和20年3月", DatePrecision.Month, "1945-03-01", "1945-03-31" },
        { "昭和20年3月日不詳", DatePrecision.Month, "1945-03-01", "1945-03-31" },
        { "昭和20年", DatePrecision.Year, "1945-01-01", "1945-12-31" },
        { "昭和20年月日不詳", DatePrecision.Year, "1945-01-01", "1945-12-31" },
        { "3450000", DatePrecision.Year, "1970-01-01", "1970-12-31" },
        { "3450300", DatePrecision.Month, "1970-03-01", "1970-03-31" },
        { "S45.03.00", DatePrecision.Month, "1970-03-01", "1970-03-31" },
        { "S45.00.00", DatePrecision.Year, "1970-01-01", "1970-12-31" },
        { "R5", DatePrecision.Year, "2023-01-01", "2023-12-31" },
        { "年月日不詳", DatePrecision.Unknown, null, null },
        { "不詳", DatePrecision.Unknown, null, null },
        { "0000000", DatePrecision.Unknown, null, null },
        { "昭和不詳", DatePrecision.Unknown, "1926-12-25", "1989-01-07" },
        { "3000000", DatePrecision.Unknown, "1926-12-25", "1989-01-07" },
        { "令和不詳", DatePrecision.Unknown, "2019-05-01", null },
        { "1985年頃", DatePrecision.ApproximateYear, "1985-01-01", "1985-12-31" },
        { "1985年7月", DatePrecision.Month, "1985-07-01", "1985-07-31" },
        { "1985-07", DatePrecision.Month, "1985-07-01", "1985-07-31" },
        { "19850700", DatePrecision.Month, "1985-07-01", "1985-07-31" },
        { "1985", DatePrecision.Year, "1985-01-01", "1985-12-31" },
        { "1985年", DatePrecision.Year, "1985-01-01", "1985-12-31" },
        // Years that span two eras are clipped to the era written.
        { "昭和64年", DatePrecision.Year, "1989-01-01", "1989-01-07" },
        { "平成元年", DatePrecision.Year, "1989-01-08", "1989-12-31" },
        { "平成元年1月", DatePrecision.Month, "1989-01-08", "1989-01-31" },
        { "昭和元年", DatePrecision.Year, "1926-12-25", "1926-12-31" },
        { "令和元年", DatePrecision.Year, "2019-05-01", "2019-12-31" },
    };

    [Theory]
    [MemberData(nameof(PartialDates))]
    public void Parse_PartialDate_HasPrecisionAndRange(string text, DatePrecision precision, string? earliest, string? latest)
    {
        var date = JapaneseEraDate.Parse(text);

        Assert.Equal(precision, date.Precision);
        Assert.Equal(earliest, date.Earliest?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(latest, date.Latest?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Assert.False(date.TryGetDate(out _));
        Assert.Null(date.ToIso());
        Assert.True(date.IsOnCalendar);
        Assert.Equal(text, date.Original);
    }

    [Theory]
    [InlineData("不詳", DateCalendar.Unstated)]
    [InlineData("年月日不詳", DateCalendar.Unstated)]
    [InlineData("0000000", DateCalendar.Unstated)]
    [InlineData("昭和不詳", DateCalendar.Wareki)]
    public void Parse_Unknown_HasNoYearMonthDay(string text, DateCalendar calendar)
    {
        var date = JapaneseEraDate.Parse(text);

        Assert.Equal(calendar, date.Calendar);
        Assert.Null(date.Year);
        Assert.Null(date.EraYear);
        Assert.Null(date.Month);
        Assert.Null(date.Day);
    }

    [Fact]
    public void Parse_Xun_KeepsXunAndMonth()
    {
        var date = JapaneseEraDate.Parse("昭和20年3月上旬");

        Assert.Equal(Xun.Early, date.Xun);
        Assert.Equal(3, date.Month);
        Assert.Null(date.Day);
    }

    [Theory]
    [InlineData("平成3年2月29日", 1991, 2, 29, "1991-02-28", "1991-03-01")]
    [InlineData("令和5年4月31日", 2023, 4, 31, "2023-04-30", "2023-05-01")]
    [InlineData("H3.2.29", 1991, 2, 29, "1991-02-28", "1991-03-01")]
    [InlineData("4030229", 1991, 2, 29, "1991-02-28", "1991-03-01")]
    [InlineData("1991-02-30", 1991, 2, 30, "1991-02-28", "1991-03-01")]
    [InlineData("20230631", 2023, 6, 31, "2023-06-30", "2023-07-01")]
    public void Parse_OffCalendarDay_KeptAsGivenAndFlagged(string text, int year, int month, int day, string earliest, string latest)
    {
        var date = JapaneseEraDate.Parse(text);

        Assert.False(date.IsOnCalendar);
        Assert.Equal(DatePrecision.Day, date.Precision);
        Assert.Equal((year, month, day), (date.Year, date.Month, date.Day));
        Assert.False(date.TryGetDate(out _));
        Assert.Null(date.ToIso());
        Assert.Equal(DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture), date.Earliest);
        Assert.Equal(DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture), date.Latest);
    }

    [Fact]
    public void Parse_LeapDayInLeapYear_IsOnCalendar()
    {
        var date = JapaneseEraDate.Parse("平成4年2月29日");

        Assert.True(date.IsOnCalendar);
        Assert.Equal("1992-02-29", date.ToIso());
    }

    [Theory]
    [InlineData("昭和64年1月8日")]
    [InlineData("平成31年5月1日")]
    [InlineData("令和元年4月30日")]
    [InlineData("大正元年7月29日")]
    [InlineData("明治45年7月31日")]
    [InlineData("大正15年12月26日")]
    [InlineData("平成32年")]
    [InlineData("昭和65年3月")]
    public void Parse_OutsideEra_KeptAndFlagged(string text)
    {
        var date = JapaneseEraDate.Parse(text);

        Assert.False(date.IsWithinEra);
        Assert.Equal(text, date.Original);
    }

    [Fact]
    public void Parse_Showa64January8_IsAnExactDayOffEra()
    {
        var date = JapaneseEraDate.Parse("昭和64年1月8日");

        Assert.True(date.IsOnCalendar);
        Assert.False(date.IsWithinEra);
        Assert.True(date.TryGetDate(out var day));
        Assert.Equal(new DateOnly(1989, 1, 8), day);
    }

    [Theory]
    [InlineData("明治45年7月30日", "大正元年7月30日")]
    [InlineData("大正15年12月25日", "昭和元年12月25日")]
    [InlineData("昭和64年1月7日", "S64.1.7")]
    [InlineData("平成31年4月30日", "H31.4.30")]
    [InlineData("令和元年5月1日", "5010501")]
    public void Parse_BoundaryDays_DenoteTheSameDay(string a, string b)
    {
        var first = JapaneseEraDate.Parse(a);
        var second = JapaneseEraDate.Parse(b);

        Assert.True(first.IsWithinEra);
        Assert.True(second.IsWithinEra);
        Assert.True(first.TryGetDate(out var x));
        Assert.True(second.TryGetDate(out var y));
        Assert.Equal(x, y);
        Assert.NotEqual(first, second);
    }

    public static TheoryData<string?, string> Malformed => new()
    {
        { null, "empty" },
        { "", "empty" },
        { "   ", "empty" },
        { "令和5年13月1日", "month 13" },
        { "令和5年4月32日", "day 32" },
        { "令和0年4月1日", "era year 0" },
        { "令和5年0月1日", "month 0" },
        { "令和123年4月1日", "at most 2 digits" },
        { "令和5年4月1", "expected 日" },
        { "令和5年4", "expected 月" },
        { "令和5年4月1日生", "after 日" },
        { "令和年4月1日", "era year" },
        { "天保5年4月1日", "not an era" },
        { "X5.4.1", "not an era" },
        { "6050401", "era digit 6" },
        { "1050401x", "after the year" },
        { "123456", "not 6" },
        { "3451300", "month 13" },
        { "3450012", "month is 0" },
        { "3000301", "year is 0" },
        { "R5.4.", "expected a day" },
        { "R5.", "expected a month" },
        { "R5.4:1", "after the month" },
        { "85/7/4", "4 digits" },
        { "1985年7月4日頃", "after 日" },
        { "昭和20年頃か", "expected a month" },
        { "西暦5050401", "8 (YYYYMMDD) or 4" },
        { "1985-7-4-1", "after the day" },
        { "19850740", "day 40" },
        { "00001231", "year is 0" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void TryParse_Malformed_FailsWithMessageNamingTheProblem(string? text, string expectedInMessage)
    {
        Assert.False(JapaneseEraDate.TryParse(text, out var date, out var error));
        Assert.Null(date);
        Assert.Contains(expectedInMessage, error, StringComparison.Ordinal);
        if (!string.IsNullOrWhiteSpace(text))
        {
            Assert.Contains(text, error, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_Malformed_ThrowsFormatExceptionWithMessage()
    {
        var ex = Assert.Throws<FormatException>(() => JapaneseEraDate.Parse("令和5年13月1日"));

        Assert.Contains("month 13 is out of range 1–12", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Valid_ReturnsTrueWithoutError()
    {
        Assert.True(JapaneseEraDate.TryParse("令和5年4月1日", out var date, out var error));
        Assert.NotNull(date);
        Assert.Null(error);
        Assert.True(JapaneseEraDate.TryParse("R5.4.1", out _));
    }
}
