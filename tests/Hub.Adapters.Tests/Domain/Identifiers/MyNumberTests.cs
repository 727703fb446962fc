using Hub.Adapters.Domain.Identifiers;

namespace Hub.Adapters.Tests.Domain.Identifiers;

public class MyNumberTests
{
    // 123456789018, the widely used test number, by hand. Body 12345678901; P_n from the right:
    //   n:   1  2  3  4  5  6  7  8  9 10 11
    //   P:   1  0  9  8  7  6  5  4  3  2  1
    //   Q:   2  3  4  5  6  7  2  3  4  5  6   (n+1 for n ≤ 6, n−5 for n ≥ 7)
    //   P·Q: 2  0 36 40 42 42 10 12 12 10  6   Σ = 212; 212 mod 11 = 3; 11 − 3 = 8.
    [Fact]
    public void ComputeCheckDigit_WellKnownTestNumber_IsEight() =>
        Assert.Equal(8, MyNumber.ComputeCheckDigit("12345678901"));

    [Theory]
    [InlineData("123456789018")]
    [InlineData(" 123456789018 ")]
    public void Parse_WellKnownTestNumber_Accepted(string text) =>
        Assert.Equal("123456789018", MyNumber.Parse(text).Digits);

    [Theory]
    [InlineData(null, IdentifierError.Empty)]
    [InlineData("", IdentifierError.Empty)]
    [InlineData("  ", IdentifierError.Empty)]
    [InlineData("１２３４５６７８９０１８", IdentifierError.NotDigits)]
    [InlineData("1234-5678-9018", IdentifierError.NotDigits)]
    [InlineData("12345678901", IdentifierError.WrongLength)]
    [InlineData("1234567890180", IdentifierError.WrongLength)]
    [InlineData("123456789017", IdentifierError.CheckDigitMismatch)]
    public void TryParse_Invalid_ReportsErrorKind(string? text, IdentifierError expected)
    {
        Assert.False(MyNumber.TryParse(text, out var number, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(string.Empty, number.Digits);
    }

    [Fact]
    public void Parse_Invalid_MessageNeverContainsTheNumber()
    {
        var ex = Assert.Throws<FormatException>(() => MyNumber.Parse("123456789017"));

        Assert.Equal("個人番号: check digit does not match", ex.Message);
        Assert.DoesNotContain("12345678901", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_IsMasked()
    {
        var number = MyNumber.Parse("123456789018");

        Assert.Equal("************", number.ToString());
        Assert.DoesNotContain("1234", $"{number}", StringComparison.Ordinal);
        Assert.Equal(string.Empty, default(MyNumber).ToString());
    }

    [Theory]
    [InlineData("0000000000")]
    [InlineData("123456789012")]
    [InlineData("1234567890a")]
    public void ComputeCheckDigit_NotElevenDigits_Throws(string body) =>
        Assert.Throws<FormatException>(() => MyNumber.ComputeCheckDigit(body));

    [Theory]
    [InlineData(71)]
    [InlineData(72)]
    [InlineData(73)]
    public void FromBody_ManyBodies_RoundTripAndOtherCheckDigitsFail(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 3000; i++)
        {
            var body = random.NextInt64(0, 100_000_000_000).ToString("D11", System.Globalization.CultureInfo.InvariantCulture);
            var number = MyNumber.FromBody(body);
            Assert.Equal(number, MyNumber.Parse(number.Digits));
            Assert.StartsWith(body, number.Digits, StringComparison.Ordinal);

            var check = number.Digits[^1] - '0';
            for (var other = 0; other < 10; other++)
            {
                Assert.Equal(other == check, MyNumber.TryParse(body + other, out _, out _));
            }
        }
    }

    [Fact]
    public void Equality_SameDigits_Equal() =>
        Assert.Equal(MyNumber.Parse("123456789018"), MyNumber.FromBody("12345678901"));
}
