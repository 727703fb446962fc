using System.Text.RegularExpressions;
using System.Text;
using Hub.Adapters.Domain.Identifiers;
using Hub.Demo.City;

namespace Hub.Demo.Tests.City;

public sealed class ResidentRegistryExportTests(DemoCityFixture city) : IClassFixture<DemoCityFixture>
{
    private const string Header =
        "atena_number,household_number,juminhyo_code,my_number,resident_kind,name,name_kana,alias,alias_kana,nationality,sex,birth_date," +
        "relationship,household_head_atena,postal_code,area_code,address,address_supplement,status,change_reason,change_date,notified_on," +
        "previous_address,updated_at";

    private static readonly DateOnly AsOf = DemoCityFixture.Options.AsOf;

    [Fact]
    public void File_Utf8WithoutBomLfAndContractHeader()
    {
        var bytes = File.ReadAllBytes(city.PathOf("resident-registry/residents.csv"));

        Assert.False(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        Assert.DoesNotContain((byte)'\r', bytes);
        Assert.Equal(Header, Encoding.UTF8.GetString(bytes).Split('\n')[0]);
        Assert.Equal((byte)'\n', bytes[^1]);
    }

    [Fact]
    public void Identifiers_AllCheckDigitsValidAndAtenaUnique()
    {
        foreach (var r in city.Residents)
        {
            Assert.True(AtenaNumber.TryParse(r["atena_number"], verifyCheckDigit: true, out _, out _), r["atena_number"]);
            Assert.Equal(10, r["atena_number"].Length);
            Assert.True(HouseholdNumber.TryParse(r["household_number"], verifyCheckDigit: true, out _, out _), r["household_number"]);
            Assert.True(AtenaNumber.TryParse(r["household_head_atena"], verifyCheckDigit: true, out _, out _));
            Assert.True(JuminhyoCode.TryParse(r["juminhyo_code"], out _, out _), r["juminhyo_code"]);
            if (r["my_number"].Length > 0 || r["status"] == "1")
            {
                Assert.True(MyNumber.TryParse(r["my_number"], out _, out _));
            }
        }

        Assert.Equal(city.Residents.Count, city.Residents.Select(r => r["atena_number"]).Distinct().Count());
        Assert.Equal(city.Residents.Count, city.Residents.Select(r => r["juminhyo_code"]).Distinct().Count());
        Assert.Contains(city.Residents, r => r["status"] == "2" && r["my_number"].Length == 0);
    }

    [Fact]
    public void Households_ExactlyOneCurrentHeadWhomEveryMemberNames()
    {
        foreach (var household in city.Current.GroupBy(r => r["household_number"]))
        {
            var head = Assert.Single(household, r => r["relationship"] == "世帯主");
            Assert.Equal(head["atena_number"], head["household_head_atena"]);
            Assert.All(household, r => Assert.Equal(head["atena_number"], r["household_head_atena"]));
            Assert.Single(household.Select(r => (r["address"], r["area_code"], r["postal_code"], r["address_supplement"])).Distinct());
        }
    }

    [Fact]
    public void Relationships_ClosedVocabularyAndPlausibleAges()
    {
        string[] vocabulary = ["世帯主", "妻", "夫", "子", "子の妻", "子の夫", "孫", "父", "母", "妻の父", "妻の母", "兄", "姉", "弟", "妹", "同居人"];
        Assert.All(city.Residents, r => Assert.Contains(r["relationship"], vocabulary));

        foreach (var household in city.Current.GroupBy(r => r["household_number"]))
        {
            var birth = household.ToDictionary(r => r, r => BirthDateReader.Read(r["birth_date"]));
            var head = household.Single(r => r["relationship"] == "世帯主");
            var spouse = household.FirstOrDefault(r => r["relationship"] is "妻" or "夫");
            int? Gap(Dictionary<string, string> older, Dictionary<string, string> younger) =>
                birth[older] is { } o && birth[younger] is { } y ? (y.DayNumber - o.DayNumber) / 365 : null;

            foreach (var r in household)
            {
                switch (r["relationship"])
                {
                    case "子":
                        Assert.True(Gap(head, r) is null or >= 15, $"子 {r["atena_number"]}");
                        Assert.True(spouse is null || Gap(spouse, r) is null or >= 15, $"子 {r["atena_number"]} vs spouse");
                        break;
                    case "孫":
                        Assert.True(Gap(head, r) is null or >= 30, $"孫 {r["atena_number"]}");
                        Assert.All(household.Where(c => c["relationship"] is "子の妻" or "子の夫"), p => Assert.True(Gap(p, r) is null or >= 15));
                        break;
                    case "父" or "母":
                        Assert.True(Gap(r, head) is null or >= 15, $"{r["relationship"]} {r["atena_number"]}");
                        break;
                    case "妻の父" or "妻の母":
                        Assert.NotNull(spouse);
                        Assert.True(Gap(r, spouse!) is null or >= 15);
                        break;
                    case "兄" or "姉":
                        Assert.True(Gap(r, head) is null or >= 0);
                        break;
                    default:
                        break;
                }
            }
        }
    }

    [Fact]
    public void AgePyramid_RoughlyJapan()
    {
        var ages = city.Current.Select(r => BirthDateReader.Read(r["birth_date"])).OfType<DateOnly>().Select(b => BirthDateReader.Age(b, AsOf)).ToList();
        double Share(int from, int to) => ages.Count(a => a >= from && a <= to) / (double)ages.Count;

        Assert.InRange(Share(0, 14), 0.08, 0.15);
        Assert.InRange(Share(65, 120), 0.24, 0.36);
        Assert.True(Share(50, 54) > Share(30, 34), "second baby-boom peak at 50–54");
        Assert.True(Share(70, 79) / 2 > Share(60, 64), "first baby-boom peak in the 70s");
        Assert.True(Share(0, 4) < Share(45, 49), "few children");
        Assert.InRange(ages.Max(), 95, 110);
    }

    [Fact]
    public void Households_SizesLikeTheCensus()
    {
        var sizes = city.Current.GroupBy(r => r["household_number"]).Select(g => g.Count()).ToList();

        Assert.InRange(sizes.Count(s => s == 1) / (double)sizes.Count, 0.33, 0.45);
        Assert.InRange(sizes.Average(), 1.9, 2.5);
        Assert.Contains(sizes, s => s >= 5);
    }

    [Fact]
    public void ForeignResidents_WesternDatesNationalityAndSomeAliases()
    {
        var foreign = city.Current.Where(r => r["resident_kind"] == "2").ToList();
        var japanese = city.Current.Where(r => r["resident_kind"] == "1").ToList();

        Assert.InRange(foreign.Count / (double)city.Result.CurrentResidents, 0.015, 0.05);
        Assert.All(foreign, r => Assert.True(BirthDateReader.IsWestern(r["birth_date"]), r["birth_date"]));
        Assert.All(foreign, r => Assert.NotEmpty(r["nationality"]));
        Assert.All(japanese, r => Assert.False(BirthDateReader.IsWestern(r["birth_date"])));
        Assert.All(japanese, r => Assert.Empty(r["nationality"]));
        Assert.All(japanese, r => Assert.Empty(r["alias"]));
        Assert.Contains(foreign, r => r["alias"].Length > 0 && r["alias_kana"].Length > 0);
        Assert.True(foreign.Select(r => r["nationality"]).Distinct().Count() >= 5);
    }

    [Fact]
    public void BirthDates_UnknownImpossibleAndBoundaryFormsPresent()
    {
        var texts = city.Residents.Select(r => r["birth_date"]).ToList();

        Assert.Contains("年月日不詳", texts);
        Assert.Contains(texts, t => t.EndsWith("年頃", StringComparison.Ordinal));
        Assert.Contains(texts, t => Regex.IsMatch(t, "月(上|中|下)旬$"));
        Assert.Contains(texts, t => Regex.IsMatch(t, @"^(昭和|平成|大正)(元|\d+)年\d+月$"));
        Assert.Contains(texts, t => t.StartsWith("大正", StringComparison.Ordinal));
        Assert.Contains(texts, t => t.Contains("元年", StringComparison.Ordinal));
        Assert.Contains(texts, t => IsImpossibleFebruary29(t));
        Assert.All(texts, t => Assert.True(BirthDateReader.IsWestern(t) || BirthDateReader.IsFullEraDate(t) || DemoCityGeneratorTests.IsUnknownForm(t), t));
        Assert.True(texts.Count(t => !BirthDateReader.IsWestern(t) && !BirthDateReader.IsFullEraDate(t)) < texts.Count / 100, "不詳 is rare");
    }

    [Fact]
    public void Names_FullWidthSpaceKatakanaAndSomeIvsOrPua()
    {
        Assert.All(city.Residents, r => Assert.Contains('　', r["name"]));
        Assert.All(city.Residents, r => Assert.Matches("^[ァ-ヶー]+(　[ァ-ヶー]+)+$", r["name_kana"]));
        var ivs = city.Residents.Count(r => r["name"].Any(c => char.IsLowSurrogate(c) && char.ConvertToUtf32('\uDB40', c) is >= 0xE0100 and <= 0xE01EF));
        var pua = city.Residents.Count(r => r["name"].Any(c => c is >= '\uE000' and <= '\uE0FF'));
        Assert.InRange(ivs, 1, city.Residents.Count / 50);
        Assert.InRange(pua, 1, city.Residents.Count / 50);
        Assert.True(city.Residents.Select(r => r["name"].Split('　')[0]).Distinct().Count() > 150);
    }

    [Fact]
    public void Changes_ReasonsDatesAndTimestampsConsistent()
    {
        string[] currentReasons = ["", "転入", "出生", "転居", "世帯分離", "世帯主変更", "職権記載"];
        string[] removalReasons = ["転出", "死亡", "職権消除", "国外転出"];
        var asOfStart = new DateTimeOffset(AsOf.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(9));
        foreach (var r in city.Residents)
        {
            Assert.Contains(r["change_reason"], r["status"] == "1" ? currentReasons : removalReasons);
            Assert.Equal(r["change_reason"].Length == 0, r["change_date"].Length == 0);
            if (r["change_date"].Length > 0)
            {
                Assert.True(DateOnly.ParseExact(r["change_date"], "yyyy-MM-dd") < AsOf);
            }

            Assert.Equal(r["change_reason"] is "転入" or "転居", r["previous_address"].Length > 0);
            var updated = DateTimeOffset.ParseExact(r["updated_at"], "yyyy-MM-dd'T'HH:mm:sszzz", null);
            Assert.True(updated < asOfStart);
            Assert.Equal(TimeSpan.FromHours(9), updated.Offset);
            Assert.Matches(@"^\d{3}-\d{4}$", r["postal_code"]);
            Assert.Matches(@"^\d{7}$", r["area_code"]);
            Assert.StartsWith("神奈川県みなと市", r["address"], StringComparison.Ordinal);
        }

        foreach (var reason in currentReasons.Skip(1).Concat(removalReasons))
        {
            Assert.Contains(city.Residents, r => r["change_reason"] == reason);
        }

        Assert.InRange(city.Residents.Count(r => r["status"] == "2"), city.Result.CurrentResidents / 20, city.Result.CurrentResidents / 3);
        Assert.Contains(city.Residents, r => r["address_supplement"].Length > 0);
    }

    private static bool IsImpossibleFebruary29(string text) =>
        text.EndsWith("年2月29日", StringComparison.Ordinal) && BirthDateReader.Read(text) is { } d && !DateTime.IsLeapYear(d.Year);
}
