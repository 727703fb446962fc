using Hub.Adapters.Domain.Vocabulary;

namespace Hub.Adapters.Tests.Domain.Vocabulary;

public class SexTests
{
    [Theory]
    [InlineData("1", "男")]
    [InlineData("2", "女")]
    [InlineData("9", "不明")]
    [InlineData("男", "男")]
    [InlineData("女", "女")]
    [InlineData("不明", "不明")]
    [InlineData(" ２ ", "女")]
    [InlineData("female", "女")]
    public void Parse_CodeLabelOrName_Finds(string text, string label) =>
        Assert.Equal(label, Sex.Parse(text).Label);

    [Theory]
    [InlineData(null, "性別: empty")]
    [InlineData("3", "性別: 「3」 is not one of 1 男, 2 女, 9 不明")]
    [InlineData("M", "is not one of")]
    public void TryParse_Unknown_ListsValues(string? text, string expected)
    {
        Assert.False(Sex.TryParse(text, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_HaveStandardCodes()
    {
        Assert.Equal(["1", "2", "9"], Sex.All.Select(s => s.Code));
        Assert.Equal("男", Sex.Male.ToString());
        Assert.Equal(Sex.Female, Sex.Parse("2"));
    }

    [Fact]
    public void Parse_Unknown_Throws() => Assert.Throws<FormatException>(() => Sex.Parse("x"));
}
