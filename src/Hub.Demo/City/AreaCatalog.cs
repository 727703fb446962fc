using System.Globalization;

namespace Hub.Demo.City;

/// <summary>
/// The city's 町字: about one per thousand residents, each town with one to six 丁目, a few 大字
/// without 丁目. The only per-city state the generator keeps besides counters, so memory does not
/// grow with the number of residents.
/// </summary>
internal sealed class AreaCatalog
{
    private static readonly string[] Towns =
    [
        "本町", "栄町", "緑町", "旭町", "桜町", "幸町", "寿町", "錦町", "若葉町", "青葉台", "松が丘", "梅ヶ丘", "泉町", "中央", "港町",
        "浜町", "東町", "西町", "南町", "北町", "新町", "宮前", "山手町", "日の出町", "弥生町", "曙町", "朝日町", "富士見町", "平和町",
        "清水町", "八幡町", "稲荷町", "天神町", "元町", "大手町", "住吉町", "柳町", "花園町", "春日町", "美原",
    ];

    private static readonly string[] Oaza = ["大字中里", "大字上野原", "大字下河原", "大字新田", "大字大塚", "大字鶴巻"];

    private static readonly string[] Prefixes = ["", "東", "西", "南", "北", "新", "上", "下", "中"];

    private static readonly string[] ChomeKanji = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    private readonly DemoArea[] _areas;

    public AreaCatalog(DemoCityOptions options)
    {
        var rng = new DemoRandom(options.Seed, 0xA12EA);
        var wanted = Math.Clamp(options.Residents / 1000, 12, 1500);
        var areas = new List<DemoArea>(wanted);
        var prefix = options.PrefectureName + options.CityName;
        for (var town = 0; areas.Count < wanted; town++)
        {
            var isOaza = town % 15 == 14;
            var baseName = isOaza
                ? Oaza[(town / 15) % Oaza.Length]
                : Towns[town % Towns.Length];
            var round = isOaza ? town / (15 * Oaza.Length) : town / Towns.Length;
            var name = isOaza ? baseName + (round == 0 ? string.Empty : Prefixes[round % Prefixes.Length]) : Prefixes[round % Prefixes.Length] + baseName;
            var townCode = (town + 1).ToString("D4", CultureInfo.InvariantCulture);
            var postal = string.Create(CultureInfo.InvariantCulture, $"{299 - (town / 900):D3}-{((town % 900) * 10) + 11:D4}");
            var stem = name.StartsWith("大字", StringComparison.Ordinal) ? name[2..] : name.TrimEnd('町');
            if (isOaza)
            {
                areas.Add(new DemoArea(areas.Count, townCode + "000", postal, name, 0, prefix + name, stem));
                continue;
            }

            var chomeCount = rng.Between(1, 6);
            for (var chome = 1; chome <= chomeCount && areas.Count < wanted; chome++)
            {
                var code = townCode + chome.ToString("D3", CultureInfo.InvariantCulture);
                areas.Add(new DemoArea(areas.Count, code, postal, name, chome, prefix + name + ChomeKanji[chome] + "丁目", stem));
            }
        }

        _areas = [.. areas];
    }

    public IReadOnlyList<DemoArea> Areas => _areas;

    public DemoArea Pick(DemoRandom rng) => _areas[rng.Next(_areas.Length)];

    /// <summary>Another area than <paramref name="current"/> (for a 転居 within the city).</summary>
    public DemoArea PickOther(DemoRandom rng, DemoArea current)
    {
        var area = _areas[rng.Next(_areas.Length)];
        return area == current ? _areas[(current.Index + 1) % _areas.Length] : area;
    }
}
