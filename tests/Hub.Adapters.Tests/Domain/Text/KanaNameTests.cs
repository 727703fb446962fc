using Hub.Adapters.Domain.Text;

namespace Hub.Adapters.Tests.Domain.Text;

public class KanaNameTests
{
    [Theory]
    [InlineData("ヤマダ タロウ", "ヤマダタロウ")]
    [InlineData("やまだ　たろう", "ヤマダタロウ")]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダタロウ")]
    [InlineData("ｽﾐｽ･ｼﾞｮﾝ", "スミス・ジョン")]
    [InlineData("スミス・ジョン", "スミス・ジョン")]
    [InlineData("コーヒー", "コーヒー")]
    [InlineData("ヴィクトル", "ヴィクトル")]
    public void Parse_Readings_KeepsOriginalAndFoldsKey(string text, string key)
    {
        var kana = KanaName.Parse(text);

        Assert.Equal(text, kana.Original);
        Assert.Equal(key, kana.SearchKey);
        Assert.Equal(text, kana.ToString());
    }

    [Theory]
    [InlineData("山田", "「山」 (U+5C71) at position 1")]
    [InlineData("ヤマダ1", "「1」 (U+0031) at position 4")]
    [InlineData("ヤマダＡ", "「Ａ」 (U+FF21) at position 4")]
    [InlineData("ヤ𠮷", "「𠮷」 (U+20BB7) at position 2")]
    public void TryParse_NotKana_NamesTheCharacter(string text, string expected)
    {
        Assert.False(KanaName.TryParse(text, out var kana, out var error));
        Assert.Null(kana);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_LoneSurrogate_NamesItsCodeUnit()
    {
        // Not in InlineData: attribute strings are stored as UTF-8, which cannot hold a lone surrogate.
        Assert.False(KanaName.TryParse("ヤ\uD842", out _, out var error));
        Assert.Contains("(U+D842) at position 2", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void TryParse_Empty_Fails(string? text)
    {
        Assert.False(KanaName.TryParse(text, out _, out var error));
        Assert.Equal("氏名カナ: empty", error);
    }

    [Fact]
    public void Parse_Invalid_ThrowsFormatException() =>
        Assert.Throws<FormatException>(() => KanaName.Parse("ABC"));
}
