using Hub.Data;
using Hub.Data.Entities;

namespace Hub.Api.Tests.Support;

/// <summary>A small city written straight through EF: two households, a superseded version and a removed member.</summary>
internal static class CitySeed
{
    public const string YamadaHousehold = "100001";
    public const string NguyenHousehold = "100002";
    public const string Taro = "200001";
    public const string Hanako = "200002";
    public const string Ichiro = "200003";
    public const string RemovedGrandfather = "200004";
    public const string Lan = "200005";

    private static readonly DateTime At = new(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    public static async Task WriteAsync(HubDbContext db)
    {
        db.Households.AddRange(
            Household(YamadaHousehold, Taro, "山田 太郎", "札幌市中央区北1条西2丁目3番地"),
            Household(NguyenHousehold, Lan, "NGUYEN VAN LAN", "札幌市北区北8条西5丁目1番地"));

        // An older version of 太郎, superseded: the API must show the latest one.
        var oldTaro = Resident(Taro, "山田 太朗", "ヤマダ タロウ", "世帯主", YamadaHousehold, "昭和50年4月1日", new DateOnly(1975, 4, 1), "Day");
        oldTaro.SupersededAt = At.AddDays(10);
        oldTaro.SourceKey += "-v1";
        db.Residents.AddRange(
            oldTaro,
            Resident(Taro, "山田 太郎", "ヤマダ タロウ", "世帯主", YamadaHousehold, "昭和50年4月1日", new DateOnly(1975, 4, 1), "Day"),
            Resident(Hanako, "山田 花子", "ヤマダ ハナコ", "妻", YamadaHousehold, "昭和52年上旬", new DateOnly(1977, 1, 1), "Xun", latest: new DateOnly(1977, 1, 10)),
            // Not on the calendar (2011 is a common year): the sync stores the range 2月28日–3月1日 (JapaneseEraDate).
            Resident(Ichiro, "山田 一郎", "ヤマダ イチロウ", "子", YamadaHousehold, "平成23年2月29日", new DateOnly(2011, 2, 28), "Day", latest: new DateOnly(2011, 3, 1), onCalendar: false),
            Removed(Resident(RemovedGrandfather, "山田 源蔵", "ヤマダ ゲンゾウ", "父", YamadaHousehold, "年月日不詳", null, "Unknown")),
            Foreigner(Resident(Lan, "NGUYEN VAN LAN", "グエン ヴァン ラン", "世帯主", NguyenHousehold, "1990-07-15", new DateOnly(1990, 7, 15), "Day")));
        await db.SaveChangesAsync();
    }

    private static HouseholdRecord Household(string number, string head, string headName, string address) => new()
    {
        HouseholdNumber = number,
        HeadAtenaNumber = head,
        HeadName = headName,
        PostalCode = "0600001",
        AreaCode = "0010001",
        Address = address,
        SourceSystem = "resident-registry",
        SourceKey = number,
        SourceTimestamp = At,
        IngestedAt = At,
        ValidFrom = At,
        RecordedAt = At,
        ContentHash = "h" + number,
    };

    internal static ResidentRecord Resident(
        string atena,
        string name,
        string kana,
        string relationship,
        string household,
        string birthText,
        DateOnly? earliest,
        string precision,
        DateOnly? latest = null,
        bool onCalendar = true) => new()
        {
            AtenaNumber = atena,
            JuminhyoCode = "123456" + atena[1..],
            MyNumber = "123456789018",
            ResidentKind = "日本人",
            Name = name,
            NameSearchKey = Hub.Adapters.Domain.Text.SearchKey.Normalize(name),
            NameKana = kana,
            NameKanaSearchKey = Hub.Adapters.Domain.Text.SearchKey.Normalize(kana),
            Sex = relationship is "妻" ? "女" : "男",
            BirthDateText = birthText,
            BirthDateEarliest = earliest,
            BirthDateLatest = latest ?? earliest,
            BirthDatePrecision = precision,
            BirthDateOnCalendar = onCalendar,
            Relationship = relationship,
            HouseholdNumber = household,
            PostalCode = "0600001",
            AreaCode = "0010001",
            Address = "札幌市中央区北1条西2丁目3番地",
            AddressSupplement = "ハイツ北1 101号",
            Status = "住民",
            ChangeReason = "転入",
            ChangeDate = new DateOnly(2020, 4, 1),
            NotifiedOn = new DateOnly(2020, 4, 3),
            SourceSystem = "resident-registry",
            SourceKey = atena,
            SourceTimestamp = At,
            IngestedAt = At,
            ValidFrom = At,
            RecordedAt = At,
            ContentHash = "h" + atena,
        };

    private static ResidentRecord Removed(ResidentRecord resident)
    {
        resident.Status = "消除";
        resident.ChangeReason = "死亡";
        resident.ValidTo = At.AddDays(30);
        return resident;
    }

    private static ResidentRecord Foreigner(ResidentRecord resident)
    {
        resident.ResidentKind = "外国人";
        resident.Alias = "中村 蘭";
        resident.AliasSearchKey = Hub.Adapters.Domain.Text.SearchKey.Normalize(resident.Alias);
        resident.AliasKana = "ナカムラ ラン";
        resident.Nationality = "ベトナム";
        resident.Sex = "女";
        return resident;
    }
}
