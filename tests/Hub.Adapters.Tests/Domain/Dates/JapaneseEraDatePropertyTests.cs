using Hub.Adapters.Domain.Dates;

namespace Hub.Adapters.Tests.Domain.Dates;

/// <summary>Properties over many generated dates (fixed seeds, so failures reproduce).</summary>
public class JapaneseEraDatePropertyTests
{
    private static readonly DateOnly First = new(1868, 1, 1);

    private static IEnumerable<DateOnly> RandomDays(int seed, int count)
    {
        var random = new Random(seed);
        var span = new DateOnly(2099, 12, 31).DayNumber - First.DayNumber;
        for (var i = 0; i < count; i++)
        {
            yield return DateOnly.FromDayNumber(First.DayNumber + random.Next(span + 1));
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void FromDate_ManyDays_EveryFormRoundTripsToTheSameDay(int seed)
    {
        foreach (var day in RandomDays(seed, 2000))
        {
            var wareki = JapaneseEraDate.FromDate(day, wareki: true);
            var seireki = JapaneseEraDate.FromDate(day, wareki: false);

            foreach (var text in new[] { wareki.Original, wareki.ToEraCode(), seireki.Original, seireki.ToWareki(), Abbreviated(wareki) })
            {
                var parsed = JapaneseEraDate.Parse(text);
                Assert.True(parsed.TryGetDate(out var back), text);
                Assert.Equal(day, back);
                Assert.True(parsed.IsWithinEra, text);
            }

            Assert.Equal(wareki.Original, JapaneseEraDate.Parse(wareki.ToEraCode()).ToWareki());
        }
    }

    [Fact]
    public void FromDate_EveryDayAroundEraBoundaries_IsWithinItsEra()
    {
        foreach (var era in JapaneseEras.All.Skip(1))
        {
            var start = era.FirstDay();
            for (var day = start.AddDays(-40); day <= start.AddDays(40); day = day.AddDays(1))
            {
                var date = JapaneseEraDate.FromDate(day, wareki: true);
                Assert.Equal(day < start ? era - 1 : era, date.Era);
                Assert.True(date.IsWithinEra, date.Original);
            }
        }
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    public void Parse_GeneratedEraCodes_NeverThrowAndRangesAreOrdered(int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < 5000; i++)
        {
            var code = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{random.Next(1, 6)}{random.Next(0, 100):00}{random.Next(0, 13):00}{random.Next(0, 32):00}");
            if (!JapaneseEraDate.TryParse(code, out var date, out var error))
            {
                Assert.Contains("is 0 (unknown) but", error, StringComparison.Ordinal);
                continue;
            }

            Assert.Equal(code, date.Original);
            if (date.Earliest is { } e && date.Latest is { } l)
            {
                Assert.True(e <= l, code);
            }

            if (date.Precision != DatePrecision.Unknown)
            {
                Assert.Equal(code, date.ToEraCode());
            }
        }
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void AgeOn_ExactDates_MatchesCountingBirthdays(int seed)
    {
        var random = new Random(seed);
        foreach (var birth in RandomDays(seed, 1000))
        {
            var reference = birth.AddDays(random.Next(0, 40000));
            var age = JapaneseEraDate.FromDate(birth, wareki: true).AgeOn(reference);

            var expected = 0;
            while (birth.AddYears(expected + 1) <= reference && !(birth.Month == 2 && birth.Day == 29 && !DateTime.IsLeapYear(birth.Year + expected + 1) && reference == new DateOnly(birth.Year + expected + 1, 2, 28)))
            {
                expected++;
            }

            Assert.True(age.IsExact);
            Assert.Equal(expected, age.Min);
        }
    }

    private static string Abbreviated(JapaneseEraDate d) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{d.Era!.Value.Letter()}{d.EraYear:00}.{d.Month:00}.{d.Day:00}");
}
