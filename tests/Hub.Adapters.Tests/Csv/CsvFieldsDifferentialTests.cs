using Hub.Adapters.Csv;

namespace Hub.Adapters.Tests.Csv;

/// <summary>The fast <see cref="CsvFields"/> splits exactly as the straightforward <see cref="ReferenceCsvFields"/>: same fields, same errors.</summary>
public sealed class CsvFieldsDifferentialTests
{
    private static void AssertSameAsReference(string record)
    {
        var expected = new List<string>();
        var actual = new List<string> { "left over" };
        var expectedOk = ReferenceCsvFields.TrySplit(record, expected, out var expectedError);

        var ok = CsvFields.TrySplit(record, actual, out var error);

        Assert.Equal(expectedOk, ok);
        Assert.Equal(expectedError, error);
        if (ok)
        {
            Assert.Equal(expected, actual);
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
