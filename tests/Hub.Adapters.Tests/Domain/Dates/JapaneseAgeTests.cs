using Hub.Adapters.Domain.Dates;

namespace Hub.Adapters.Tests.Domain.Dates;

public class JapaneseAgeTests
{
    [Theory]
    [InlineData("1950-04-01", "2025-03-31", 74)]
    [InlineData("1950-04-01", "2025-04-01", 75)]
    [InlineData("2000-02-29", "2023-02-28", 22)]
    [InlineData("2000-02-29", "2023-03-01", 23)]
    [InlineData("2000-02-29", "2024-02-29", 24)]
    [InlineData("2000-01-01", "1999-12-31", -1)]
    public void CompletedYears_IncreasesOnTheBirthday(string birth, string on, int expected) =>
        Assert.Equal(expected, JapaneseAge.CompletedYears(D(birth), D(on)));

    [Theory]
    [InlineData("1950-04-01", 75, "2025-03-31")]
    [InlineData("1950-04-02", 75, "2025-04-01")]
    [InlineData("1950-01-01", 75, "2024-12-31")]
    [InlineData("2000-02-29", 23, "2023-02-28")]
    [InlineData("2000-02-29", 24, "2024-02-28")]
    [InlineData("1999-03-01", 25, "2024-02-29")]
    [InlineData("1999-03-01", 24, "2023-02-28")]
    public void LegalAgeAttainedOn_IsTheDayBeforeTheBirthday(string birth, int age, string expected) =>
        Assert.Equal(D(expected), JapaneseAge.LegalAgeAttainedOn(D(birth), age));

    [Fact]
    public void LegalAgeAttainedOn_NegativeAge_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseAge.LegalAgeAttainedOn(D("2000-01-01"), -1));

    [Theory]
    [InlineData("昭和25年4月1日", "2025-03-31", 74, 74)]
    [InlineData("昭和25年4月1日", "2025-04-01", 75, 75)]
    [InlineData("昭和25年", "2025-06-30", 74, 75)]
    [InlineData("昭和25年頃", "2025-12-31", 75, 75)]
    [InlineData("昭和25年4月", "2025-04-15", 74, 75)]
    [InlineData("昭和25年4月上旬", "2025-04-10", 75, 75)]
    [InlineData("平成3年2月29日", "2021-02-28", 29, 30)]
    [InlineData("平成元年", "1989-06-01", 0, 0)]
    public void AgeOn_PartialDates_GivesRange(string text, string reference, int min, int max)
    {
        var age = JapaneseEraDate.Parse(text).AgeOn(D(reference));

        Assert.Equal(new AgeRange(min, max), age);
        Assert.Equal(min == max, age.IsExact);
    }

    [Fact]
    public void AgeOn_FullyUnknown_IsZeroToUnbounded()
    {
        var age = JapaneseEraDate.Parse("年月日不詳").AgeOn(D("2025-01-01"));

        Assert.Equal(0, age.Min);
        Assert.Null(age.Max);
        Assert.False(age.IsExact);
    }

    [Fact]
    public void AgeOn_EraOnly_IsBoundedByTheEra()
    {
        var age = JapaneseEraDate.Parse("昭和不詳").AgeOn(D("2025-01-01"));

        Assert.Equal(new AgeRange(35, 98), age);
    }

    [Fact]
    public void AgeOn_ReferenceBeforeBirth_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => JapaneseEraDate.Parse("令和5年4月1日").AgeOn(D("2023-03-31")));

    [Fact]
    public void LegalAgeAttainedOn_ExactDate_IsTheDayBeforeThe75thBirthday() =>
        Assert.Equal(D("2025-03-31"), JapaneseEraDate.Parse("S25.4.1").LegalAgeAttainedOn(75));

    [Theory]
    [InlineData("昭和25年4月")]
    [InlineData("平成3年2月29日")]
    [InlineData("不詳")]
    public void LegalAgeAttainedOn_NotAnExactDay_IsNull(string text) =>
        Assert.Null(JapaneseEraDate.Parse(text).LegalAgeAttainedOn(75));

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
