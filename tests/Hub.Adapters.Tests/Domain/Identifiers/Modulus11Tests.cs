using Hub.Adapters.Domain.Identifiers;

namespace Hub.Adapters.Tests.Domain.Identifiers;

public class Modulus11Tests
{
    // Worked by hand, weights 2,3,4,5,6,7,2,3… from the rightmost body digit:
    //   "12345678": 8·2+7·3+6·4+5·5+4·6+3·7+2·2+1·3 = 138; 138 mod 11 = 6; 11 − 6 = 5.
    //   "000000001": 1·2 = 2; 11 − 2 = 9.
    //   "0": remainder 0 → 0.   "6": 6·2 = 12, remainder 1 → 0 (not 10).   "5": 10, remainder 10 → 1.
    //   "1234567890": 0·2+9·3+8·4+7·5+6·6+5·7+4·2+3·3+2·4+1·5 = 195; 195 mod 11 = 8; 11 − 8 = 3.
    [Theory]
    [InlineData("12345678", 5)]
    [InlineData("000000001", 9)]
    [InlineData("0", 0)]
    [InlineData("6", 0)]
    [InlineData("5", 1)]
    [InlineData("1234567890", 3)]
    public void Compute_KnownBodies_GivesHandWorkedDigit(string body, int expected) =>
        Assert.Equal(expected, Modulus11.Compute(body));

    [Theory]
    [InlineData("123456785", true)]
    [InlineData("123456784", false)]
    [InlineData("00", true)]
    [InlineData("60", true)]
    [InlineData("1", false)]
    [InlineData("", false)]
    [InlineData("12345678a", false)]
    public void IsValid_Numbers_ChecksLastDigit(string number, bool expected) =>
        Assert.Equal(expected, Modulus11.IsValid(number));

    [Fact]
    public void Compute_NonDigit_Throws() => Assert.Throws<FormatException>(() => Modulus11.Compute("12a"));

    [Fact]
    public void Compute_LeadingZeros_DoNotChangeTheDigit()
    {
        Assert.Equal(Modulus11.Compute("12345678"), Modulus11.Compute("00012345678"));
    }

    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    public void Compute_GeneratedBodies_ChangedCheckDigitIsAlwaysRejected(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 2000; i++)
        {
            var body = string.Concat(Enumerable.Range(0, random.Next(1, 14)).Select(_ => (char)('0' + random.Next(10))));
            var check = Modulus11.Compute(body);
            Assert.True(Modulus11.IsValid(body + check));
            for (var other = 0; other < 10; other++)
            {
                Assert.Equal(other == check, Modulus11.IsValid(body + other));
            }
        }
    }
}
