using Hub.Adapters.Domain.Text;

namespace Hub.Adapters.Tests.Domain.Text;

public class SearchKeyTests
{
    [Theory]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ", "ヤマダタロウ")]
    [InlineData("ｶﾞｷﾞｸﾞｹﾞｺﾞ", "ガギグゲゴ")]
    [InlineData("ﾊﾟﾋﾟﾌﾟﾍﾟﾎﾟ", "パピプペポ")]
    [InlineData("ｳﾞｨｸﾄﾙ", "ヴィクトル")]
    [InlineData("ｺｰﾋｰ", "コーヒー")]
    [InlineData("やまだ　たろう", "ヤマダタロウ")]
    [InlineData("ゔぃくとる", "ヴィクトル")]
    [InlineData("カ\u3099", "ガ")]
    [InlineData("か\u309A", "カ゜")] // no precomposed form: the mark becomes the spacing ゜
    [InlineData("ハ゛", "バ")]
    [InlineData("ハ゜", "パ")]
    [InlineData("ア゛", "ア゛")]
    [InlineData("ﾞ", "゛")]
    [InlineData("ＳＭＩＴＨ　Ｊｏｈｎ", "SMITHJOHN")]
    [InlineData("Smith John", "SMITHJOHN")]
    [InlineData("ｓｍｉｔｈ１２３", "SMITH123")]
    [InlineData("山田\t太郎\n", "山田太郎")]
    [InlineData("ゐゑヰヱ", "イエイエ")]
    [InlineData("ヂヅ", "ヂヅ")]
    [InlineData("キョウコ", "キョウコ")]
    [InlineData("ｷｮｳｺ", "キョウコ")]
    [InlineData("ゝゞ", "ヽヾ")]
    [InlineData("", "")]
    [InlineData(null, "")]
    public void Normalize_FoldsWidthKanaAndSpaces(string? text, string expected) =>
        Assert.Equal(expected, SearchKey.Normalize(text));

    [Theory]
    [InlineData("キョウコ", "キヨウコ")]
    [InlineData("ｷｯﾄ", "キツト")]
    [InlineData("ぁぃぅぇぉっゃゅょゎゕゖ", "アイウエオツヤユヨワカケ")]
    public void Normalize_FoldSmallKana_MakesThemFullSize(string text, string expected) =>
        Assert.Equal(expected, SearchKey.Normalize(text, foldSmallKana: true));

    [Fact]
    public void Normalize_Ivs_Dropped()
    {
        var withIvs = "葛\U000E0100城";

        Assert.Equal("葛城", SearchKey.Normalize(withIvs));
        Assert.Equal("葛城", SearchKey.Normalize("葛\uFE00城"));
    }

    [Fact]
    public void Normalize_PrivateUseAndSurrogates_Kept()
    {
        Assert.Equal("\uE000山", SearchKey.Normalize("\uE000 山"));
        Assert.Equal("𠮷野", SearchKey.Normalize("𠮷野"));
        Assert.Equal("\U000F0001", SearchKey.Normalize("\U000F0001"));
    }

    [Fact]
    public void Normalize_AllHalfWidthKatakana_BecomeFullWidth()
    {
        for (var c = '\uFF66'; c <= '\uFF9D'; c++)
        {
            var key = SearchKey.Normalize(c.ToString());
            Assert.Single(key);
            Assert.InRange(key[0], '\u30A1', '\u30FC');
        }
    }

    [Fact]
    public void Normalize_IsIdempotent()
    {
        var random = new Random(81);
        const string alphabet = "ｱｶﾞﾊﾟあがぱアガパ ｰー山𠮷\uE000ＡaＺ１゛ﾞ\u3099ゃャｬ";
        for (var i = 0; i < 2000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => alphabet[random.Next(alphabet.Length)]))
                .Replace("\uD842", string.Empty, StringComparison.Ordinal).Replace("\uDFB7", string.Empty, StringComparison.Ordinal);
            var once = SearchKey.Normalize(text);
            Assert.Equal(once, SearchKey.Normalize(once));
        }
    }
}
