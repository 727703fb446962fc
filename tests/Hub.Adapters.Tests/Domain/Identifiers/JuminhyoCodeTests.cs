using Hub.Adapters.Domain.Identifiers;

namespace Hub.Adapters.Tests.Domain.Identifiers;

public class JuminhyoCodeTests
{
    // "1234567890": weights 2–7 from the right give 195; 195 mod 11 = 8; 11 − 8 = 3 → 12345678903.
    [Fact]
    public void FromBody_HandWorkedExample_AppendsThree() =>
        Assert.Equal("12345678903", JuminhyoCode.FromBody("1234567890").Value);

    [Theory]
    [InlineData("12345678903")]
    [InlineData(" 12345678903 ")]
    public void Parse_Valid_Trims(string text) => Assert.Equal("12345678903", JuminhyoCode.Parse(text).Value);

    [Theory]
    [InlineData(null, IdentifierError.Empty)]
    [InlineData("", IdentifierError.Empty)]
    [InlineData("１２３４５６７８９０３", IdentifierError.NotDigits)]
    [InlineData("1234567890", IdentifierError.WrongLength)]
    [InlineData("123456789030", IdentifierError.WrongLength)]
    [InlineData("12345678904", IdentifierError.CheckDigitMismatch)]
    public void TryParse_Invalid_ReportsErrorKind(string? text, IdentifierError expected)
    {
        Assert.False(JuminhyoCode.TryParse(text, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Parse_Invalid_ThrowsNamingTheField() =>
        Assert.Equal("住民票コード: check digit does not match", Assert.Throws<FormatException>(() => JuminhyoCode.Parse("12345678904")).Message);

    [Theory]
    [InlineData(null)]
    [InlineData("123")]
    [InlineData("12345a7890")]
    public void FromBody_NotTenDigits_Throws(string? body) =>
        Assert.Throws<ArgumentException>(() => JuminhyoCode.FromBody(body!));

    [Theory]
    [InlineData(61)]
    [InlineData(62)]
    public void FromBody_ManyBodies_RoundTripThroughParse(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 5000; i++)
        {
            var body = random.NextInt64(0, 10_000_000_000).ToString("D10", System.Globalization.CultureInfo.InvariantCulture);
            var code = JuminhyoCode.FromBody(body);
            Assert.Equal(code, JuminhyoCode.Parse(code.Value));
        }
    }
}
