using System.Globalization;

namespace Hub.Demo.City;

/// <summary>
/// 外国人住民 在留資格等 as the resident registry exports them: <c>residence-status/residence-cards.csv</c> (UTF-8, a
/// header of Japanese column names, 西暦 dates), read by the layout file <c>schemas/adapters/residence-status.layout.json</c>
/// (no code) into <c>residenceStatus</c>, a kind declared as data. One row per foreign resident: the permission in force on
/// the city's date — 永住者 and 特別永住者 without an end, the others for their 在留期間 (1–5 years) ending after that date;
/// a foreign spouse of a Japanese resident holds 日本人の配偶者等, a foreign child of a foreign household 家族滞在 (or 永住者).
/// </summary>
internal sealed class ResidenceStatusExport : IDisposable
{
    public const string RelativePath = "residence-status/residence-cards.csv";

    /// <summary>The layout file that reads the export, as the sources declare it (working folder, or beside the executable).</summary>
    public const string LayoutFile = "schemas/adapters/residence-status.layout.json";

    private const string Header = "宛名番号,在留カード等番号,在留資格,在留期間,許可年月日,満了日,区分,更新日時";

    // (在留資格, 在留期間 in years: 0 = 無期限), weighted as the national statistics roughly are.
    private static readonly (string Status, int Years)[] Adult =
    [
        ("永住者", 0), ("技術・人文知識・国際業務", 3), ("技術・人文知識・国際業務", 5), ("技能実習", 1), ("留学", 2), ("定住者", 3), ("特定技能", 1), ("特別永住者", 0),
    ];

    private static readonly double[] AdultWeights = [0.30, 0.12, 0.06, 0.12, 0.10, 0.08, 0.10, 0.12];

    private readonly ExportFile _file;
    private readonly int _seed;
    private readonly DateOnly _lastDay;

    public ResidenceStatusExport(string root, DemoCityOptions options)
    {
        _file = new ExportFile(root, RelativePath, Header);
        _seed = options.Seed;
        _lastDay = options.AsOf.AddDays(-1);
    }

    public ExportFile File => _file;

    public void Write(DemoHousehold household)
    {
        var rng = new DemoRandom(_seed, (1UL << 41) | ((ulong)household.Ordinal << 3) | 5);
        var japaneseInHousehold = household.Members.Any(m => !m.IsForeign);
        foreach (var m in household.Members.Where(m => m.IsForeign))
        {
            var (status, years) = m.AgeAt(_lastDay) < 18
                ? (rng.Chance(0.5) ? ("永住者", 0) : ("家族滞在", rng.Pick([1, 3])))
                : japaneseInHousehold ? ("日本人の配偶者等", rng.Pick([1, 3, 5]))
                : Adult[rng.PickWeighted(AdultWeights)];
            var end = m.RemovedOn is { } removed && removed <= _lastDay ? removed : _lastDay;
            var earliest = m.BirthDate > end.AddYears(-10) ? m.BirthDate : end.AddYears(-10);
            DateOnly permitted;
            DateOnly? expires = null;
            if (years == 0)
            {
                permitted = rng.DateBetween(earliest, end);
            }
            else
            {
                // The permission in force on the last day: granted within its period before it.
                var from = end.AddYears(-years).AddDays(1);
                permitted = rng.DateBetween(from > m.BirthDate ? from : m.BirthDate, end);
                expires = permitted.AddYears(years).AddDays(-1);
            }

            var card = string.Create(CultureInfo.InvariantCulture, $"{Letter(rng)}{Letter(rng)}{m.Ordinal % 100_000_000:D8}{Letter(rng)}{Letter(rng)}");
            _file.WriteCsvRow(
                m.Atena,
                card,
                status,
                years == 0 ? (status == "特別永住者" ? string.Empty : "無期限") : $"{years}年",
                ExportText.Date(permitted),
                ExportText.Date(expires),
                status == "特別永住者" ? "特別永住者" : "中長期在留者",
                ExportText.OfficeHours(permitted, rng).ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
        }
    }

    private static char Letter(DemoRandom rng) => (char)('A' + rng.Next(26));

    public void Dispose() => _file.Dispose();
}
