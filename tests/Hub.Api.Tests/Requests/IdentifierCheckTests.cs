using Hub.Capabilities.Requests;

namespace Hub.Api.Tests.Requests;

/// <summary>The rules a caller's 宛名番号, 世帯番号 and 個人番号 are held to before anything is looked up.</summary>
public sealed class IdentifierCheckTests
{
    [Theory]
    [InlineData("1000000074", true, IdentifierRule.None)]
    [InlineData("1000000075", true, IdentifierRule.CheckDigit)]
    [InlineData("1000000075", false, IdentifierRule.None)]
    [InlineData("１０００００００７４", true, IdentifierRule.Width)]
    [InlineData("1000000０74", false, IdentifierRule.Width)]
    [InlineData("1000-00074", true, IdentifierRule.Digits)]
    [InlineData(" 1000000074", true, IdentifierRule.Digits)]
    [InlineData("1", false, IdentifierRule.Length)]
    [InlineData("", false, IdentifierRule.Length)]
    [InlineData(null, false, IdentifierRule.Length)]
    [InlineData("1234567890123456", false, IdentifierRule.Length)]
    [InlineData("123456789012345", false, IdentifierRule.None)]
    public void CityNumber_EachRule_IsNamed(string? value, bool verifyCheckDigit, IdentifierRule expected) =>
        Assert.Equal(expected, IdentifierCheck.CityNumber(value, verifyCheckDigit));

    [Theory]
    [InlineData("987654321093", IdentifierRule.None)]
    [InlineData("987654321094", IdentifierRule.CheckDigit)]
    [InlineData("９８７６５４３２１０９３", IdentifierRule.Width)]
    [InlineData("98765432109", IdentifierRule.Length)]
    [InlineData("9876543210931", IdentifierRule.Length)]
    [InlineData("98765432109x", IdentifierRule.Digits)]
    public void MyNumber_EachRule_IsNamed(string value, IdentifierRule expected) =>
        Assert.Equal(expected, IdentifierCheck.MyNumber(value));

    [Theory]
    [InlineData(IdentifierRule.Width, "width")]
    [InlineData(IdentifierRule.Digits, "digits")]
    [InlineData(IdentifierRule.Length, "length")]
    [InlineData(IdentifierRule.CheckDigit, "checkDigit")]
    public void Describe_NamesTheRuleWithoutAValue(IdentifierRule rule, string name)
    {
        Assert.Equal(name, IdentifierCheck.Name(rule));
        Assert.DoesNotMatch("[0-9]{5}", IdentifierCheck.Describe(rule, "宛名番号", "2 to 15"));
    }
}
