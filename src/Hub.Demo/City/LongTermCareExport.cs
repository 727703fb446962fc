using System.Globalization;
using System.Text;
using Hub.Adapters.Layouts;

namespace Hub.Demo.City;

/// <summary>
/// 介護保険 要介護認定 as the care insurance system exports it: <c>long-term-care/certifications.csv</c>, CP932 with CRLF,
/// a header of Japanese column names, 和暦 dates and the standard's 要介護状態区分 codes, read by the layout file
/// <c>schemas/adapters/long-term-care.layout.json</c> (no code). Certified are about 4 % of residents aged 65–74, 19 % of
/// 75–84, 55 % of 85 and over, and 1 % of 40–64 (第2号被保険者); a certification lasts 6–36 months and is mostly renewed
/// (some lapse, so expired ones remain), a few are replaced mid-period by a 区分変更 (the earlier one then ends the day
/// before), and a removal (死亡, 転出) ends the one in force.
/// </summary>
internal sealed class LongTermCareExport : IDisposable
{
    public const string RelativePath = "long-term-care/certifications.csv";

    /// <summary>The layout file that reads the export, as the sources declare it (working folder, or beside the executable).</summary>
    public const string LayoutFile = "schemas/adapters/long-term-care.layout.json";

    private const string Header = "宛名番号,被保険者番号,要介護状態区分コード,認定有効期間開始日,認定有効期間終了日,認定年月日,更新日時";
    private static readonly string[] LevelCodes = ["12", "13", "21", "22", "23", "24", "25"];
    private static readonly int[] PeriodMonths = [6, 12, 12, 24, 36];

    private readonly string _root;
    private readonly StreamWriter _writer;
    private readonly int _seed;
    private readonly DateOnly _lastDay;
    private readonly DateOnly _windowStart;
    private int _rows;

    public LongTermCareExport(string root, DemoCityOptions options)
    {
        _root = root;
        var path = Path.Combine(root, RelativePath.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        _writer = new StreamWriter(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16), TextEncodings.Get("cp932")!, 1 << 16) { NewLine = "\r\n" };
        _writer.WriteLine(Header);
        _seed = options.Seed;
        _lastDay = options.AsOf.AddDays(-1);
        _windowStart = options.AsOf.AddYears(-4);
    }

    public ExportFile File => ExportFile.Written(_root, RelativePath, _rows);

    public void Write(DemoHousehold household)
    {
        var rng = new DemoRandom(_seed, (1UL << 40) | ((ulong)household.Ordinal << 3) | 4);
        foreach (var m in household.Members)
        {
            var age = m.AgeAt(m.RemovedOn ?? _lastDay);
            var rate = age switch
            {
                >= 85 => 0.55,
                >= 75 => 0.19,
                >= 65 => 0.04,
                >= 40 => 0.01,
                _ => 0.0,
            };
            if (rate > 0 && rng.Chance(rate))
            {
                WriteCertifications(m, age >= 65 ? 65 : 40, rng);
            }
        }
    }

    private void WriteCertifications(DemoPerson m, int eligibleAge, DemoRandom rng)
    {
        var end = m.RemovedOn is { } removed && removed <= _lastDay ? removed : _lastDay;
        var earliest = Max(Max(m.BirthDate.AddYears(eligibleAge), _windowStart), m.EnteredOn ?? DateOnly.MinValue);
        if (earliest > end)
        {
            return;
        }

        var insured = (1_000_000_000L + m.Ordinal).ToString(CultureInfo.InvariantCulture);
        var level = rng.PickWeighted([0.14, 0.14, 0.21, 0.17, 0.13, 0.12, 0.09]);
        var from = rng.DateBetween(earliest, end);
        while (from <= end)
        {
            var until = from.AddMonths(rng.Pick(PeriodMonths)).AddDays(-1);
            DateOnly? next = null;
            if (until > from.AddDays(60) && rng.Chance(0.08))
            {
                next = rng.DateBetween(from.AddDays(30), Min(until.AddDays(-1), end)); // 区分変更: a new certification replaces this one
                until = next.Value.AddDays(-1);
            }
            else if (until < end && rng.Chance(0.85))
            {
                next = until.AddDays(1); // 更新
            }

            if (m.RemovedOn is { } r && until >= r)
            {
                until = r; // 死亡・転出: the certification ends with the registration
            }

            var certified = Min(from.AddDays(rng.Between(0, 25)), _lastDay);
            var updated = ExportText.OfficeHours(Min(_lastDay, Max(certified, m.RemovedOn ?? certified)), rng);
            _writer.Write(m.Atena);
            _writer.Write(',');
            _writer.Write(insured);
            _writer.Write(',');
            _writer.Write(LevelCodes[level]);
            _writer.Write(',');
            _writer.Write(EraText.Format(from));
            _writer.Write(',');
            _writer.Write(EraText.Format(until));
            _writer.Write(',');
            _writer.Write(EraText.Format(certified));
            _writer.Write(',');
            _writer.WriteLine(updated.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture));
            _rows++;

            if (next is not { } n || n > end)
            {
                break;
            }

            level = Math.Clamp(level + rng.Between(-1, 2), 0, LevelCodes.Length - 1);
            from = n;
        }
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    public void Dispose() => _writer.Dispose();
}
