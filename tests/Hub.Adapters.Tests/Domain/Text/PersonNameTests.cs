using Hub.Adapters.Domain.Text;

namespace Hub.Adapters.Tests.Domain.Text;

public class PersonNameTests
{
    [Theory]
    [InlineData("山田 太郎")]
    [InlineData("葛\U000E0100城　花子")]
    [InlineData("\uE001田 一郎")]
    [InlineData("𠮷野 家康")]
    [InlineData("ﾔﾏﾀﾞ ﾀﾛｳ")]
    [InlineData(" 前後に空白 ")]
    public void From_KeepsOriginalExactly(string text)
    {
        var name = PersonName.From(text);

        Assert.Equal(text, name.Original);
        Assert.Equal(text, name.ToString());
        Assert.True(name.IsWellFormed);
    }

    [Fact]
    public void From_Ivs_FlaggedAndDroppedFromKey()
    {
        var name = PersonName.From("葛\U000E0100城 花子");

        Assert.True(name.ContainsIvs);
        Assert.False(name.ContainsPrivateUse);
        Assert.Equal("葛城花子", name.SearchKey);
    }

    [Theory]
    [InlineData("\uE001田")]
    [InlineData("\uF8FF")]
    [InlineData("山\U000F0001")]
    [InlineData("山\U0010FFFD")]
    public void From_PrivateUse_Flagged(string text)
    {
        var name = PersonName.From(text);

        Assert.True(name.ContainsPrivateUse);
        Assert.Contains(text[^1], name.SearchKey);
    }

    [Fact]
    public void From_PlainName_NoFlags()
    {
        var name = PersonName.From("𠮷野 家康");

        Assert.False(name.ContainsPrivateUse);
        Assert.False(name.ContainsIvs);
        Assert.False(name.ContainsHalfWidthKana);
        Assert.Equal("𠮷野家康", name.SearchKey);
    }

    [Fact]
    public void From_HalfWidthKana_FlaggedAndMatchesFullWidth()
    {
        var legacy = PersonName.From("ﾔﾏﾀﾞ ﾀﾛｳ");
        var modern = PersonName.From("ヤマダ　タロウ");

        Assert.True(legacy.ContainsHalfWidthKana);
        Assert.True(legacy.Matches(modern));
        Assert.NotEqual(legacy, modern);
    }

    [Fact]
    public void From_LoneSurrogate_KeptAndFlagged()
    {
        var name = PersonName.From("山\uD842");

        Assert.False(name.IsWellFormed);
        Assert.Equal("山\uD842", name.Original);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("　")]
    public void From_Empty_Throws(string? text) =>
        Assert.ThrowsAny<ArgumentException>(() => PersonName.From(text!));

    [Fact]
    public void Equality_IsOrdinalOnOriginal()
    {
        Assert.Equal(PersonName.From("山田 太郎"), PersonName.From("山田 太郎"));
        Assert.NotEqual(PersonName.From("山田 太郎"), PersonName.From("山田　太郎"));
        Assert.NotEqual(PersonName.From("葛城"), PersonName.From("葛\U000E0100城"));
    }
}
