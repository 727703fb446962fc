using System.Text;
using Hub.Adapters.Csv;
using Hub.Adapters.Layouts;

namespace Hub.Adapters.Tests.Csv;

public sealed class CsvAsciiFieldTests
{
    [Theory]
    [InlineData("1000000019,渡辺,x", 0, "1000000019")]
    [InlineData("\"a,b\",1000000019,渡辺", 1, "1000000019")]
    [InlineData("\"a\"\"b\",x", 0, "a\"\"b")]
    [InlineData("渡辺,,1000000019", 1, "")]
    [InlineData("渡辺,,1000000019", 2, "1000000019")]
    public void TryGetAsciiField_InCp932Bytes_FindsTheField(string row, int index, string expected)
    {
        var bytes = TextEncodings.Get("cp932")!.GetBytes(row);
        if (expected.Contains('"', StringComparison.Ordinal))
        {
            Assert.False(CsvFields.TryGetAsciiField(bytes, index, out _)); // a field with an escaped quote is not a plain value
            return;
        }

        Assert.True(CsvFields.TryGetAsciiField(bytes, index, out var value));
        Assert.Equal(expected, value);
    }

    [Theory]
    [InlineData("1000000019,渡辺", 1)] // not ASCII
    [InlineData("1000000019,x", 2)] // no such field
    [InlineData("\"1000000019,x", 0)] // unterminated quote
    public void TryGetAsciiField_NotAPlainAsciiField_IsFalse(string row, int index) =>
        Assert.False(CsvFields.TryGetAsciiField(Encoding.UTF8.GetBytes(row), index, out _));
}
