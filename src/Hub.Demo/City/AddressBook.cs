using System.Globalization;

namespace Hub.Demo.City;

/// <summary>
/// Addresses: 番地-号 within a 町字, 方書 for apartments (a handful of buildings per area, so
/// neighbours share a building), and previous addresses in other municipalities or abroad.
/// </summary>
internal sealed class AddressBook
{
    private const int BuildingsPerArea = 12;

    private static readonly string[] BuildingPrefixes =
        ["コーポ", "ハイツ", "メゾン", "レジデンス", "パークハイツ", "サンハイム", "ヴィラ", "アーバン", "ロイヤル", "グランドメゾン", "ライオンズマンション", "市営住宅"];

    private static readonly string[] BuildingSuffixes = ["", "", "", "第2", "Ａ棟", "Ｂ棟", "壱番館", "弐番館"];

    private static readonly string[] OtherCities =
    [
        "東京都世田谷区", "東京都大田区", "東京都八王子市", "神奈川県横浜市港北区", "神奈川県川崎市中原区", "神奈川県相模原市中央区",
        "神奈川県藤沢市", "埼玉県さいたま市浦和区", "千葉県船橋市", "茨城県つくば市", "宮城県仙台市青葉区", "北海道札幌市中央区",
        "新潟県新潟市中央区", "静岡県浜松市中央区", "愛知県名古屋市中区", "大阪府大阪市北区", "兵庫県神戸市中央区", "広島県広島市中区",
        "福岡県福岡市博多区", "沖縄県那覇市",
    ];

    private static readonly string[] OtherTowns = ["本町", "中央", "栄町", "旭町", "緑ヶ丘", "若葉", "桜台", "東", "西", "南"];

    private static readonly string[] ChomeKanji = ["一", "二", "三", "四", "五", "六"];

    private readonly int _seed;

    public AddressBook(int seed) => _seed = seed;

    /// <summary>Sets <paramref name="household"/>'s address (and 方書 when <paramref name="apartment"/>) in <paramref name="area"/>.</summary>
    public void Place(DemoHousehold household, DemoArea area, bool apartment, DemoRandom rng)
    {
        household.Area = area;
        if (apartment)
        {
            var building = rng.Next(BuildingsPerArea);
            var h = DemoRandom.Hash(_seed, area.Index, building);
            var (banchi, go) = HouseNumber(area, h);
            household.Address = area.AddressPrefix + banchi + "-" + go.ToString(CultureInfo.InvariantCulture);
            var floors = 2 + (int)(h % 9);
            var room = (rng.Between(1, floors) * 100) + rng.Between(1, 8);
            household.AddressSupplement = BuildingName(area, h) + room.ToString(CultureInfo.InvariantCulture) + "号室";
        }
        else
        {
            var (banchi, go) = HouseNumber(area, rng.NextUInt64());
            household.Address = area.AddressPrefix + banchi + "-" + go.ToString(CultureInfo.InvariantCulture);
            household.AddressSupplement = string.Empty;
        }
    }

    /// <summary>An address in another municipality, for a 転入 row.</summary>
    public static string OtherMunicipality(DemoRandom rng) =>
        string.Create(CultureInfo.InvariantCulture, $"{rng.Pick(OtherCities)}{rng.Pick(OtherTowns)}{rng.Pick(ChomeKanji)}丁目{rng.Between(1, 30)}-{rng.Between(1, 25)}");

    /// <summary>Another address in the city, for a 転居 row's previous address.</summary>
    public static string InCity(DemoArea area, DemoRandom rng)
    {
        var (banchi, go) = HouseNumber(area, rng.NextUInt64());
        return area.AddressPrefix + banchi + "-" + go.ToString(CultureInfo.InvariantCulture);
    }

    private static (string Banchi, int Go) HouseNumber(DemoArea area, ulong h)
    {
        var banchi = area.IsOaza ? 1 + (int)(h % 2999) : 1 + (int)(h % 30);
        var go = 1 + (int)((h >> 20) % 25);
        return (banchi.ToString(CultureInfo.InvariantCulture), go);
    }

    private static string BuildingName(DemoArea area, ulong h)
    {
        var prefix = BuildingPrefixes[(int)((h >> 8) % (ulong)BuildingPrefixes.Length)];
        var suffix = BuildingSuffixes[(int)((h >> 16) % (ulong)BuildingSuffixes.Length)];
        if (prefix == "市営住宅")
        {
            return "市営" + area.BuildingStem + "住宅" + ((h >> 24) % 9 + 1).ToString(CultureInfo.InvariantCulture) + "号棟";
        }

        // A rare building name that needs CSV quoting, as some real ones do.
        if ((h >> 32) % 97 == 0)
        {
            return "シャトー\"ル・ソレイユ\"" + area.BuildingStem;
        }

        return prefix + area.BuildingStem + suffix;
    }
}
