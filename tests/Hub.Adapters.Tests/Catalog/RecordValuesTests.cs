using Hub.Adapters.Catalog;

namespace Hub.Adapters.Tests.Catalog;

/// <summary>A generic record's values are checked against its kind: the reason names the field, never the value.</summary>
public sealed class RecordValuesTests
{
    private static readonly RecordKind Care = FieldCatalog.LoadDefault().Kind("longTermCare")!;

    [Fact]
    public void Check_GoodValues_AreCanonical()
    {
        var values = Good();
        values["validFrom"] = "2025-04-01";

        var (canonical, problem) = RecordValues.Check(Care, values, "1234567890|2025-04-01");

        Assert.Null(problem);
        Assert.Equal(new DateOnly(2025, 4, 1), canonical!["validFrom"]);
        Assert.False(canonical.ContainsKey("certifiedOn"));
    }

    [Theory]
    [InlineData("unknownField", "x", "unknownField: not a field of longTermCare")]
    [InlineData("validUntil", "2026/03/31", "validUntil: expected a date (yyyy-MM-dd)")]
    [InlineData("careLevel", "要介護9", "careLevel: not one of the allowed values")]
    [InlineData("careLevel", null, "careLevel: required")]
    [InlineData("insuredNumber", "12345678901", "insuredNumber: longer than 10 characters")]
    [InlineData("atenaNumber", "ABC", "atenaNumber: does not match the field's pattern")]
    public void Check_BadValue_NamesTheFieldNotTheValue(string field, string? value, string expected)
    {
        var values = Good();
        values[field] = value;

        var (_, problem) = RecordValues.Check(Care, values, Care.KeyOf(values));

        Assert.Equal(expected, problem);
        if (value is { Length: > 0 })
        {
            Assert.DoesNotContain(value, problem!, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Check_KeyNotOfTheKeyFields_IsAProblem()
    {
        var (_, problem) = RecordValues.Check(Care, Good(), "another-key");

        Assert.Equal("key: is not the value of the key fields (insuredNumber, validFrom)", problem);
    }

    [Fact]
    public void Check_WrongClrType_IsAProblem()
    {
        var values = Good();
        values["careLevel"] = 3;

        Assert.Equal("careLevel: expected text", RecordValues.Check(Care, values, Care.KeyOf(values)).Problem);
    }

    private static Dictionary<string, object?> Good() => new(StringComparer.Ordinal)
    {
        ["atenaNumber"] = "0000000019",
        ["insuredNumber"] = "1234567890",
        ["careLevel"] = "要介護2",
        ["validFrom"] = new DateOnly(2025, 4, 1),
        ["validUntil"] = new DateOnly(2026, 3, 31),
    };
}
