using Hub.Adapters.Domain.Identifiers;

namespace Hub.Adapters.Tests.Domain.Identifiers;

public class HouseholdNumberTests
{
    [Theory]
    [InlineData(null, IdentifierError.Empty)]
    [InlineData(" ", IdentifierError.Empty)]
    [InlineData("１２３", IdentifierError.NotDigits)]
    [InlineData("7", IdentifierError.WrongLength)]
    [InlineData("1234567890123456", IdentifierError.WrongLength)]
    [InlineData("123456786", IdentifierError.CheckDigitMismatch)]
    public void TryParse_Invalid_ReportsErrorKind(string? text, IdentifierError expected)
    {
        Assert.False(HouseholdNumber.TryParse(text, verifyCheckDigit: true, out _, out var error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void Parse_Valid_KeepsLeadingZeros() => Assert.Equal("0000000019", HouseholdNumber.Parse(" 0000000019 ").Value);

    [Fact]
    public void Parse_Invalid_ThrowsNamingTheField() =>
        Assert.Equal("世帯番号: wrong number of digits", Assert.Throws<FormatException>(() => HouseholdNumber.Parse("7")).Message);

    [Fact]
    public void TryParse_CheckNotVerified_AcceptsOldNumbers() =>
        Assert.True(HouseholdNumber.TryParse("123456786", verifyCheckDigit: false, out _, out _));

    [Theory]
    [InlineData(51)]
    [InlineData(52)]
    public void FromSerial_ManySerials_RoundTripThroughParse(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 5000; i++)
        {
            var bodyLength = random.Next(1, 14);
            var number = HouseholdNumber.FromSerial(random.NextInt64(0, 1_000_000), bodyLength);
            Assert.Equal(number, HouseholdNumber.Parse(number.Value));
            Assert.True(Modulus11.IsValid(number.Value));
        }
    }

    [Fact]
    public void CompareTo_OrdersNumerically() =>
        Assert.True(HouseholdNumber.Parse("0000000019").CompareTo(HouseholdNumber.Parse("123456785")) < 0);

    [Fact]
    public void Default_ValueIsEmptyNotNull() => Assert.Equal(string.Empty, default(HouseholdNumber).Value);
}
