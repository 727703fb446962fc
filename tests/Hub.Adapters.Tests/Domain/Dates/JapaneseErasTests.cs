using Hub.Adapters.Domain.Dates;

namespace Hub.Adapters.Tests.Domain.Dates;

public class JapaneseErasTests
{
    [Theory]
    [InlineData("明治", JapaneseEra.Meiji)]
    [InlineData("大", JapaneseEra.Taisho)]
    [InlineData("s", JapaneseEra.Showa)]
    [InlineData("H", JapaneseEra.Heisei)]
    [InlineData("5", JapaneseEra.Reiwa)]
    public void TryParse_NameLetterOrDigit_FindsEra(string text, JapaneseEra expected)
    {
        Assert.True(JapaneseEras.TryParse(text, out var era));
        Assert.Equal(expected, era);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("慶応")]
    [InlineData("6")]
    [InlineData("X")]
    public void TryParse_Unknown_False(string? text) => Assert.False(JapaneseEras.TryParse(text, out _));

    [Theory]
    [InlineData(JapaneseEra.Meiji, "明治", 'M', 1868)]
    [InlineData(JapaneseEra.Taisho, "大正", 'T', 1912)]
    [InlineData(JapaneseEra.Showa, "昭和", 'S', 1926)]
    [InlineData(JapaneseEra.Heisei, "平成", 'H', 1989)]
    [InlineData(JapaneseEra.Reiwa, "令和", 'R', 2019)]
    public void Properties_MatchTheEra(JapaneseEra era, string name, char letter, int firstYear)
    {
        Assert.Equal(name, era.Name());
        Assert.Equal(letter, era.Letter());
        Assert.Equal(firstYear, era.GregorianYear(1));
    }

    [Fact]
    public void TryFind_Before1868_False() => Assert.False(JapaneseEras.TryFind(new DateOnly(1867, 12, 31), out _));

    [Fact]
    public void Name_NotAnEra_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => ((JapaneseEra)0).Name());
}
