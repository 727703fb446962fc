using System.Globalization;

namespace Hub.Demo.City;

/// <summary>
/// 後期高齢者医療 資格 as the 広域連合's system exports it to the city: <c>late-elderly/qualifications.csv</c>, UTF-8 with
/// yyyymmdd dates, one 資格 a row, read by the sample adapter assembly <c>Hub.Samples.LateElderly</c>. Everyone is insured
/// from the 75th birthday (2月29日 births on 3月1日 in a common year; 2008-04-01 for those already 75 when the system began,
/// the day of 転入 for those who came later), except about 3 % of living residents aged 75 or over not yet registered; about
/// 3 % of those aged 65–74 are insured early on a 障害認定; a removal ends the 資格 the next day (死亡: 死亡日の翌日).
/// </summary>
internal sealed class LateElderlyExport : IDisposable
{
    public const string RelativePath = "late-elderly/qualifications.csv";

    private const string Header = "atena_number,insured_number,acquired_on,acquisition_reason,lost_on,loss_reason,updated_at";
    private static readonly DateOnly SystemStart = new(2008, 4, 1);

    private readonly ExportFile _file;
    private readonly int _seed;
    private readonly DateOnly _lastDay;

    public LateElderlyExport(string root, DemoCityOptions options)
    {
        _file = new ExportFile(root, RelativePath, Header);
        _seed = options.Seed;
        _lastDay = options.AsOf.AddDays(-1);
    }

    public ExportFile File => _file;

    public void Write(DemoHousehold household)
    {
        var rng = new DemoRandom(_seed, (1UL << 40) | ((ulong)household.Ordinal << 3) | 5);
        foreach (var m in household.Members)
        {
            var turned75 = Birthday(m.BirthDate, 75);
            var at65 = Birthday(m.BirthDate, 65);
            var disabled = at65 <= _lastDay && rng.Chance(0.03);
            var unregistered = !m.IsRemoved && rng.Chance(0.03);
            DateOnly acquired;
            string reason;
            if (disabled && at65 < turned75 && (m.RemovedOn ?? _lastDay) >= at65)
            {
                acquired = rng.DateBetween(Max(at65, m.EnteredOn ?? at65), Min(turned75.AddDays(-1), m.RemovedOn ?? _lastDay));
                reason = "障害認定";
            }
            else if (turned75 <= _lastDay && !unregistered)
            {
                acquired = turned75;
                reason = "年齢到達";
            }
            else
            {
                continue;
            }

            if (acquired < SystemStart)
            {
                (acquired, reason) = (SystemStart, "制度施行");
            }

            if (m.EnteredOn is { } entered && entered > acquired)
            {
                (acquired, reason) = (entered, "転入");
            }

            if (acquired > _lastDay || (m.RemovedOn is { } r && acquired > r))
            {
                continue;
            }

            var lost = m.RemovedOn?.AddDays(1);
            var updated = ExportText.OfficeHours(Min(_lastDay, lost ?? acquired), rng);
            _file.WriteCsvRow(
                m.Atena,
                (10_000_000L + m.Ordinal).ToString(CultureInfo.InvariantCulture),
                Day(acquired),
                reason,
                lost is { } l ? Day(l) : string.Empty,
                lost is null ? string.Empty : m.ChangeReason == "死亡" ? "死亡" : "転出",
                ExportText.Timestamp(updated));
        }
    }

    /// <summary>The <paramref name="age"/>-th birthday: 3月1日 for a 2月29日 birth in a common year (年齢到達日).</summary>
    public static DateOnly Birthday(DateOnly birth, int age) =>
        birth is { Month: 2, Day: 29 } && !DateTime.IsLeapYear(birth.Year + age) ? new DateOnly(birth.Year + age, 3, 1) : birth.AddYears(age);

    private static string Day(DateOnly d) => d.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    public void Dispose() => _file.Dispose();
}
