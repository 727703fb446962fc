using Hub.Adapters.Domain.Text;
using Hub.Data;
using Hub.Data.Entities;

namespace Hub.Api.Tests.Portal;

/// <summary>
/// The 川口 household for the portal: a head, his wife, a child of 10 and a son of 20, with birth dates counted back from
/// today (JST) so the child stays a minor and the son an adult whenever the tests run; and a neighbour in another household.
/// </summary>
internal static class PortalSeed
{
    public const string Household = "510000";
    public const string Head = "510001";
    public const string Wife = "510002";
    public const string Minor = "510003";
    public const string AdultSon = "510004";
    public const string Neighbour = "520001";
    public const string MinorMyNumber = "123456789018";
    public const string HeadMyNumber = "987654321093";

    private static readonly DateTime At = new(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    public static async Task WriteAsync(HubDbContext db)
    {
        var today = DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(9)).DateTime);
        db.Households.Add(Stamp(new HouseholdRecord { HouseholdNumber = Household, HeadAtenaNumber = Head, HeadName = "川口 誠", Address = "札幌市南区真駒内1番" }, Household));
        db.Residents.AddRange(
            Person(Head, "川口 誠", "カワグチ マコト", "世帯主", Household, today.AddYears(-42)),
            Person(Wife, "川口 真理", "カワグチ マリ", "妻", Household, today.AddYears(-40)),
            Person(Minor, "川口 陽菜", "カワグチ ヒナ", "子", Household, today.AddYears(-10)),
            Person(AdultSon, "川口 翔", "カワグチ ショウ", "子", Household, today.AddYears(-20)),
            Person(Neighbour, "森 一", "モリ ハジメ", "世帯主", "520000", today.AddYears(-50)));
        db.NhiQualifications.Add(Stamp(new NhiQualificationRecord
        {
            AtenaNumber = Minor, HouseholdNumber = Household, InsuredNumber = "N-510003", AcquiredOn = new DateOnly(2020, 4, 1),
        }, "nhi-" + Minor, "nhi"));
        await db.SaveChangesAsync();
    }

    private static ResidentRecord Person(string atena, string name, string kana, string relationship, string household, DateOnly birth) =>
        Stamp(new ResidentRecord
        {
            AtenaNumber = atena,
            MyNumber = atena switch { Minor => MinorMyNumber, Head => HeadMyNumber, _ => null },
            ResidentKind = "日本人",
            Name = name,
            NameSearchKey = SearchKey.Normalize(name),
            NameKana = kana,
            NameKanaSearchKey = SearchKey.Normalize(kana),
            Sex = relationship is "妻" ? "女" : "男",
            BirthDateText = birth.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            BirthDateEarliest = birth,
            BirthDateLatest = birth,
            BirthDatePrecision = "Day",
            Relationship = relationship,
            HouseholdNumber = household,
            PostalCode = "0050011",
            Address = "札幌市南区真駒内1番",
            Status = "住民",
        }, atena);

    private static T Stamp<T>(T record, string key, string source = "resident-registry")
        where T : TemporalRecord
    {
        record.SourceSystem = source;
        record.SourceKey = key;
        record.SourceTimestamp = At;
        record.IngestedAt = At;
        record.ValidFrom = At;
        record.RecordedAt = At;
        record.ContentHash = "h" + key;
        return record;
    }
}
