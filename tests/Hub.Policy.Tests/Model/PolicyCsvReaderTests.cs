using Hub.Policy.Model;
using Hub.Policy.Persistence;

namespace Hub.Policy.Tests.Model;

public sealed class PolicyCsvReaderTests
{
    [Fact]
    public void Parse_QuotedFieldWithCommaAndQuotes_KeepsOneValue()
    {
        var rules = PolicyCsvReader.Parse("# comment\n\np, \"r.sub.Age > 18, \"\"x\"\"\", /data1, read\ng, alice, admin");

        Assert.Equal(2, rules.Count);
        Assert.Equal(["r.sub.Age > 18, \"x\"", "/data1", "read"], rules[0].Values);
        Assert.Equal(3, rules[0].Line);
        Assert.Equal("g", rules[1].Type);
    }

    [Fact]
    public void Parse_LeadingSpacesTrimmedTrailingKept_AsGoCsv()
    {
        var rules = PolicyCsvReader.Parse("p,   alice ,data1");

        Assert.Equal(["alice ", "data1"], rules[0].Values);
    }

    [Fact]
    public void Parse_BareQuoteInUnquotedField_ReportsColumn()
    {
        var ex = Assert.Throws<PolicyFormatException>(() => PolicyCsvReader.Parse("p, alice\np, bo\"b, data1", "x.csv"));

        Assert.Equal(2, ex.Line);
        Assert.Equal(6, ex.Column);
    }
}
