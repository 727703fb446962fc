using Hub.Adapters.Domain.Identifiers;

namespace Hub.Adapters.Tests.Domain.Identifiers;

public class AtenaNumberTests
{
    [Theory]
    [InlineData("123456785", "123456785")]
    [InlineData("0000000019", "0000000019")]
    [InlineData("  123456785\t", "123456785")]
    [InlineData("　123456785　", "123456785")]
    [InlineData("00", "00")]
    public void Parse_Valid_KeepsDigitsAndLeadingZeros(string text, string expected) =>
        Assert.Equal(expected, AtenaNumber.Parse(text).Value);

    [Theory]
    [InlineData(null, IdentifierError.Empty)]
    [InlineData("", IdentifierError.Empty)]
    [InlineData("   ", IdentifierError.Empty)]
    [InlineData("１２３４５６７８５", IdentifierError.NotDigits)]
    [InlineData("12345-6785", IdentifierError.NotDigits)]
    [InlineData("1234 56785", IdentifierError.NotDigits)]
    [InlineData("-123456785", IdentifierError.NotDigits)]
    [InlineData("5", IdentifierError.WrongLength)]
    [InlineData("1234567890123456", IdentifierError.WrongLength)]
    [InlineData("123456784", IdentifierError.CheckDigitMismatch)]
    public void TryParse_Invalid_ReportsErrorKind(string? text, IdentifierError expected)
    {
        Assert.False(AtenaNumber.TryParse(text, verifyCheckDigit: true, out var number, out var error));
        Assert.Equal(expected, error);
        Assert.Equal(default, number);
    }

    [Fact]
    public void TryParse_CheckNotVerified_AcceptsOldNumbers()
    {
        Assert.True(AtenaNumber.TryParse("123456784", verifyCheckDigit: false, out var number, out var error));
        Assert.Equal(IdentifierError.None, error);
        Assert.Equal("123456784", number.Value);
    }

    [Fact]
    public void Parse_Invalid_ThrowsNamingTheField()
    {
        var ex = Assert.Throws<FormatException>(() => AtenaNumber.Parse("123456784"));
        Assert.Equal("宛名番号: check digit does not match", ex.Message);
    }

    [Theory]
    [InlineData(1L, 9, "0000000019")]
    [InlineData(12345678L, 8, "123456785")]
    [InlineData(0L, 9, "0000000000")]
    public void FromSerial_AppendsCheckDigit(long serial, int bodyLength, string expected) =>
        Assert.Equal(expected, AtenaNumber.FromSerial(serial, bodyLength).Value);

    [Fact]
    public void FromSerial_NegativeOrTooLong_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => AtenaNumber.FromSerial(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => AtenaNumber.FromSerial(1, bodyLength: 15));
    }

    [Theory]
    [InlineData(41)]
    [InlineData(42)]
    public void FromSerial_ManySerials_RoundTripThroughParse(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 5000; i++)
        {
            var number = AtenaNumber.FromSerial(random.NextInt64(0, 1_000_000_000), 9);
            Assert.Equal(10, number.Value.Length);
            Assert.Equal(number, AtenaNumber.Parse(number.Value));
        }
    }

    [Fact]
    public void CompareTo_OrdersNumerically()
    {
        var sorted = new[] { "1000000007", "00", "0000000019", "123456785" }
            .Select(s => AtenaNumber.Parse(s)).Order().Select(n => n.Value);

        Assert.Equal(["00", "0000000019", "123456785", "1000000007"], sorted);
    }

    [Fact]
    public void Default_ValueIsEmptyNotNull()
    {
        Assert.Equal(string.Empty, default(AtenaNumber).Value);
        Assert.Equal(string.Empty, default(AtenaNumber).ToString());
    }

    [Fact]
    public void Equality_SameDigits_Equal() =>
        Assert.Equal(AtenaNumber.Parse("123456785"), AtenaNumber.Parse(" 123456785 "));
}
