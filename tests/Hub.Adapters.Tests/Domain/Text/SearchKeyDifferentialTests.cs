using System.Text;
using Hub.Adapters.Domain.Text;

namespace Hub.Adapters.Tests.Domain.Text;

/// <summary>The allocation-free <see cref="SearchKey"/> gives exactly the keys of the original (<see cref="ReferenceSearchKey"/>).</summary>
public sealed class SearchKeyDifferentialTests
{
    private static readonly string[] Pieces =
    [
        "山田", "太郎", " ", "\u3000", "\t", "ﾔﾏﾀﾞ", "ﾊﾟ", "ｳﾞ", "ｰ", "ﾞ", "ﾟ", "か\u3099", "ア゛", "カ゚", "は゜", "ゐゑ", "ヰヱ", "ぁっょ",
        "ァッヵヶ", "ＡＢｃ１", "abc", "葛\U000E0100", "\uFE0F", "\uE000", "𠮷", "\uD800", "・", "ゝゞ", "ｧｯ", "。「」",
    ];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Normalize_GeneratedNames_SameAsReference(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 5000; i++)
        {
            var sb = new StringBuilder();
            for (var n = random.Next(12); n > 0; n--)
            {
                sb.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var text = random.Next(300) == 0 ? new string('ｶ', 300) + "ﾞ" + sb : sb.ToString();
            if (Reference(text, foldSmallKana: false) is not { } key)
            {
                continue; // the reference throws there (see Normalize_LoneSurrogateBeforeAVoicedMark_KeepsTheSpacingMark)
            }

            Assert.Equal(key, SearchKey.Normalize(text));
            Assert.Equal(Reference(text, foldSmallKana: true), SearchKey.Normalize(text, foldSmallKana: true));
        }
    }

    private static string? Reference(string text, bool foldSmallKana)
    {
        try
        {
            return ReferenceSearchKey.Normalize(text, foldSmallKana);
        }
        catch (ArgumentException)
        {
            return null; // a lone surrogate before a voiced mark
        }
    }

    [Fact]
    public void Normalize_EveryBmpCharacterAlone_SameAsReference()
    {
        for (var c = 0; c <= 0xFFFF; c++)
        {
            var text = ((char)c).ToString();
            Assert.Equal(ReferenceSearchKey.Normalize(text), SearchKey.Normalize(text));
            Assert.Equal(ReferenceSearchKey.Normalize("ｶ" + text, foldSmallKana: true), SearchKey.Normalize("ｶ" + text, foldSmallKana: true));
        }
    }

    [Fact]
    public void Normalize_LoneSurrogateBeforeAVoicedMark_KeepsTheSpacingMark()
    {
        Assert.Throws<ArgumentException>(() => ReferenceSearchKey.Normalize("\uD800ﾞ"));

        Assert.Equal("\uD800゛", SearchKey.Normalize("\uD800ﾞ"));
        Assert.Equal("ア\uDC00゜", SearchKey.Normalize("ｱ\uDC00ﾟ"));
    }
}
