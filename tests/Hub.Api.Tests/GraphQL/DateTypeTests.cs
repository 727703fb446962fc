using GraphQLParser.AST;
using Hub.Api.GraphQL.Types;

namespace Hub.Api.Tests.GraphQL;

/// <summary>The <c>Date</c> scalar takes a day as clerks write it: ISO or 和暦 in the forms the sync reads, and only an exact day on the calendar.</summary>
public sealed class DateTypeTests
{
    [Theory]
    [InlineData("2024-04-01")]
    [InlineData("令和6年4月1日")]
    [InlineData("R6.4.1")]
    [InlineData("R06.04.01")]
    [InlineData("Ｒ６．４．１")]
    [InlineData("令和６年４月１日")]
    [InlineData("2024/4/1")]
    [InlineData("2024年4月1日")]
    public void ExactDay_AnyAcceptedForm_IsThatDay(string text)
    {
        var type = new DateType();

        Assert.Equal(new DateOnly(2024, 4, 1), type.ParseValue(text));
        Assert.Equal(new DateOnly(2024, 4, 1), type.ParseLiteral(new GraphQLStringValue(text)));
        Assert.True(type.CanParseLiteral(new GraphQLStringValue(text)));
    }

    [Theory]
    [InlineData("H31/4/30", 2019, 4, 30)]
    [InlineData("令和元年5月1日", 2019, 5, 1)]
    [InlineData("昭45.3.12", 1970, 3, 12)]
    public void EraBoundaries_AndAbbreviations(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), new DateType().ParseValue(text));

    [Theory]
    [InlineData("令和5年4月")] // a month, not a day
    [InlineData("令和5年")]
    [InlineData("不詳")]
    [InlineData("平成31年5月1日")] // 平成 ended on 4月30日
    [InlineData("令和6年2月30日")] // not on the calendar
    [InlineData("2024-02-30")]
    [InlineData("1 April 2024")]
    [InlineData("")]
    public void NotOneExactDay_IsRefusedWithoutEchoingTheValue(string text)
    {
        var type = new DateType();

        var e = Assert.ThrowsAny<Exception>(() => type.ParseValue(text));
        Assert.False(type.CanParseLiteral(new GraphQLStringValue(text)));
        if (text.Length > 0)
        {
            Assert.DoesNotContain(text, e.Message, StringComparison.Ordinal);
        }
    }
}
