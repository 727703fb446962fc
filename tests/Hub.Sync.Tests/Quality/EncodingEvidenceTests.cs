using System.Text;
using Hub.Adapters.Layouts;
using Hub.Sync.Quality;

namespace Hub.Sync.Tests.Quality;

public sealed class EncodingEvidenceTests
{
    private static readonly Encoding Cp932 = TextEncodings.Get("cp932")!;

    [Fact]
    public void Hint_Cp932RowsRefusedAsUtf8_NamesCp932()
    {
        var evidence = new EncodingEvidence();
        foreach (var name in new[] { "1000000019,渡辺　健一", "1000000027,髙橋　美咲", "1000000035,ﾜﾀﾅﾍﾞ ｼｮｳﾀ" })
        {
            evidence.Examine(Cp932.GetBytes(name), "row is not valid UTF-8");
        }

        Assert.Equal("the file looks like CP932 (Shift_JIS); set its encoding to cp932 in the layout", evidence.Hint);
    }

    [Fact]
    public void Hint_Utf8RowsRefusedAsCp932_NamesUtf8()
    {
        var evidence = new EncodingEvidence();
        evidence.Examine(Encoding.UTF8.GetBytes("1000000019,渡辺　健一"), "row is not valid cp932");
        Assert.Equal("the file looks like UTF-8; set its encoding to utf-8 in the layout", evidence.Hint);
    }

    [Fact]
    public void Hint_AsciiRowsOrOtherReasons_GiveNone()
    {
        var evidence = new EncodingEvidence();
        evidence.Examine("1000000019,x"u8, "atena_number: check digit");
        Assert.Null(evidence.Hint);
        evidence.Examine(Encoding.UTF8.GetBytes("1000000019,渡辺"), "resident.name: contains a NUL character (U+0000) at position 3");
        Assert.Null(evidence.Hint);
    }

    [Fact]
    public void Hint_RowsThatPointBothWays_GiveNone()
    {
        var evidence = new EncodingEvidence();
        evidence.Examine(Cp932.GetBytes("渡辺"), "row is not valid UTF-8");
        evidence.Examine(Encoding.UTF8.GetBytes("渡辺"), "row is not valid cp932");
        Assert.Null(evidence.Hint);
    }
}
