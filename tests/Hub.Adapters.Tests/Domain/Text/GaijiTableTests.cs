using Hub.Adapters.Domain.Text;

namespace Hub.Adapters.Tests.Domain.Text;

public class GaijiTableTests
{
    private const string Json = """
        {
          "source": "vendor-a",
          "entries": {
            "U+E000": "髙",
            "0xF041": "U+845B U+E0100",
            "U+F0001": "𠮷"
          }
        }
        """;

    [Theory]
    [InlineData(0xF040, 0xE000)]
    [InlineData(0xF041, 0xE001)]
    [InlineData(0xF07E, 0xE03E)]
    [InlineData(0xF080, 0xE03F)]
    [InlineData(0xF0FC, 0xE0BB)]
    [InlineData(0xF140, 0xE0BC)]
    [InlineData(0xF9FC, 0xE757)]
    public void Cp932ToPrivateUse_MatchesTheCp932Decoder(int cp932, int expected) =>
        Assert.Equal(expected, GaijiTable.Cp932ToPrivateUse(cp932));

    [Theory]
    [InlineData(0xEFFC)]
    [InlineData(0xFA40)]
    [InlineData(0xF07F)]
    [InlineData(0xF03F)]
    [InlineData(0xF0FD)]
    public void Cp932ToPrivateUse_OutsideUserArea_Throws(int cp932) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => GaijiTable.Cp932ToPrivateUse(cp932));

    [Fact]
    public void FromJson_Map_ReplacesKnownGaiji()
    {
        var table = GaijiTable.FromJson(Json);

        var result = table.Map("\uE000橋 \uE001飾 \U000F0001野");

        Assert.Equal("vendor-a", table.Source);
        Assert.Equal(3, table.Count);
        Assert.Equal("髙橋 葛\U000E0100飾 𠮷野", result.Text);
        Assert.True(result.IsComplete);
        Assert.Empty(result.Unmapped);
    }

    [Fact]
    public void Map_UnknownGaiji_KeptAndReported()
    {
        var table = GaijiTable.FromJson(Json);

        var result = table.Map("\uE000\uE002田\uFFFD\U000F0002");

        Assert.Equal("髙\uE002田\uFFFD\U000F0002", result.Text);
        Assert.DoesNotContain('?', result.Text);
        Assert.False(result.IsComplete);
        Assert.Equal([new UnmappedCharacter(1, 0xE002), new UnmappedCharacter(3, 0xFFFD), new UnmappedCharacter(4, 0xF0002)], result.Unmapped);
        Assert.Equal("U+E002 at 1", result.Unmapped[0].ToString());
    }

    [Fact]
    public void Map_NoGaiji_ReturnsSameText()
    {
        const string text = "山田 太郎";

        var result = GaijiTable.Empty.Map(text);

        Assert.Same(text, result.Text);
        Assert.True(result.IsComplete);
    }

    [Fact]
    public void Map_LoneSurrogate_Reported() =>
        Assert.Equal([new UnmappedCharacter(1, 0xD842)], GaijiTable.Empty.Map("山\uD842").Unmapped);

    [Fact]
    public void Map_DecodedCp932UserArea_Mapped()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        var cp932 = System.Text.Encoding.GetEncoding(932);
        var decoded = cp932.GetString([0x8E, 0x52, 0xF0, 0x41]); // 山 + user-defined 0xF041

        var result = GaijiTable.FromJson(Json).Map(decoded);

        Assert.Equal("山葛\U000E0100", result.Text);
    }

    [Fact]
    public void FromCsv_CommentsHeaderAndBothCodeForms_Read()
    {
        const string csv = "code,target\r\n# vendor A\r\nU+E000,髙\r\n\r\n0xF041,U+845B U+E0100\r\nU+E002, 﨑 \r\n";

        var table = GaijiTable.FromCsv(csv, "vendor-a");

        Assert.Equal(3, table.Count);
        Assert.Equal("髙葛\U000E0100﨑", table.Map("\uE000\uE001\uE002").Text);
        Assert.True(table.TryGet(0xE002, out var target));
        Assert.Equal("﨑", target);
    }

    [Fact]
    public void FromCsv_Errors_ListsEveryProblemWithLine()
    {
        const string csv = "U+E000,髙\nE001,x\nU+E000,y\n0xFA40,z\nU+E003,\nno comma\nU+E004,U+ZZZZ";

        var ex = Assert.Throws<FormatException>(() => GaijiTable.FromCsv(csv));

        Assert.Contains("6 problem(s)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 2: 「E001」 is neither", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 3: U+E000 is mapped twice", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 4: 「0xFA40」", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 5: the target of U+E003 is empty", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 6: expected code,target", ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 7: the target of U+E004", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json", "not valid JSON")]
    [InlineData("[]", "\"entries\" object")]
    [InlineData("""{"entries": {"U+E000": 5}}""", "target of U+E000")]
    [InlineData("""{"entries": {"U+E000": "a", "U+E000": "b"}}""", "mapped twice")]
    public void FromJson_Errors_Throw(string json, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => GaijiTable.FromJson(json));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_JsonAndCsvFiles_Read()
    {
        var dir = Directory.CreateTempSubdirectory("gaiji");
        try
        {
            var json = Path.Combine(dir.FullName, "a.json");
            var csv = Path.Combine(dir.FullName, "vendor-b.csv");
            File.WriteAllText(json, Json);
            File.WriteAllText(csv, "U+E000,髙\n");

            Assert.Equal(3, GaijiTable.Load(json).Count);
            Assert.Equal("vendor-b", GaijiTable.Load(csv).Source);
            Assert.Throws<ArgumentException>(() => GaijiTable.Load(Path.Combine(dir.FullName, "x.txt")));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Constructor_EmptyTarget_Throws() =>
        Assert.Throws<ArgumentException>(() => new GaijiTable(new Dictionary<int, string> { [0xE000] = string.Empty }));
}
