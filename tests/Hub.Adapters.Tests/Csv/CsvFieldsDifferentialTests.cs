using System.Text;
using System.Text.Unicode;
using Hub.Adapters.Csv;

namespace Hub.Adapters.Tests.Csv;

/// <summary>The fast <see cref="CsvFields"/> splits text and UTF-8 bytes exactly as the straightforward <see cref="ReferenceCsvFields"/> splits text: same fields, same errors.</summary>
public sealed class CsvFieldsDifferentialTests
{
    private static void AssertSameAsReference(string record)
    {
        var expected = new List<string>();
        var actual = new List<string> { "left over" };
        var expectedOk = ReferenceCsvFields.TrySplit(record, expected, out var expectedError);

        var ok = CsvFields.TrySplit(record, actual, out var error);
        var utf8 = new List<string>();
        var okUtf8 = CsvFields.TrySplitUtf8(Encoding.UTF8.GetBytes(record), utf8, out var errorUtf8);

        Assert.Equal(expectedOk, ok);
        Assert.Equal(expectedError, error);
        Assert.Equal(expectedOk, okUtf8);
        Assert.Equal(expectedError, errorUtf8);
        if (ok)
        {
            Assert.Equal(expected, actual);
            Assert.Equal(expected, utf8);
        }
    }

    [Fact]
    public void Utf8IsValid_RandomBytes_AgreesWithTheStrictDecoderTheAdaptersUsedBefore()
    {
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        var random = new Random(4);
        byte[] interesting = [0x00, 0x22, 0x2C, 0x41, 0x7F, 0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE3, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F, 0x90, 0x8F];
        for (var i = 0; i < 100_000; i++)
        {
            var bytes = new byte[random.Next(1, 7)];
            for (var j = 0; j < bytes.Length; j++)
            {
                bytes[j] = interesting[random.Next(interesting.Length)];
            }

            bool decodes;
            try
            {
                _ = strict.GetString(bytes);
                decodes = true;
            }
            catch (DecoderFallbackException)
            {
                decodes = false;
            }

            Assert.Equal(decodes, Utf8.IsValid(bytes));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void TrySplit_GeneratedRecords_SameAsReference(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 5000; i++)
        {
            AssertSameAsReference(CsvInputs.Text(random, 24));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData(",")]
    [InlineData(",,")]
    [InlineData("\"\"")]
    [InlineData("\"\"\"\"")]
    [InlineData("\"")]
    [InlineData("\"a\"\"")]
    [InlineData("\"a\"b")]
    [InlineData("a,\"b,c\",\"d\"\"e\"\"\",")]
    [InlineData("\"x\r\ny\",z")]
    [InlineData("a\"b,c")]
    public void TrySplit_QuoteCorners_SameAsReference(string record) => AssertSameAsReference(record);
}
