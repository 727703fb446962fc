using System.Text;

namespace Hub.Demo.City;

/// <summary>
/// 国民健康保険: <c>nhi/insured.ndjson</c>, one qualification (資格) per line. Insured are those under 75
/// without employee insurance: the self-employed, pensioners, the unemployed, and their household
/// members who are not dependants of an employee in the household. From 75 everyone moves to 後期高齢者医療.
/// </summary>
internal sealed class NhiExport : IDisposable
{
    public const string RelativePath = "nhi/insured.ndjson";

    private static readonly DateOnly NhiRecordsFrom = new(2000, 4, 1);

    private readonly ExportFile _file;
    private readonly IdentifierIssuer _ids;
    private readonly int _seed;
    private readonly DateOnly _asOf;
    private readonly DateOnly _windowStart;
    private readonly DateOnly _lastDay;
    private readonly StringBuilder _line = new(256);

    public NhiExport(string root, DemoCityOptions options, IdentifierIssuer ids)
    {
        _file = new ExportFile(root, RelativePath, header: null);
        _ids = ids;
        _seed = options.Seed;
        _asOf = options.AsOf;
        _windowStart = options.AsOf.AddYears(-LifeEvents.WindowYears);
        _lastDay = options.AsOf.AddDays(-1);
    }

    public ExportFile File => _file;

    public void Write(DemoHousehold household)
    {
        var rng = new DemoRandom(_seed, (1UL << 40) | ((ulong)household.Ordinal << 3) | 2);
        var hasEmployee = household.Members.Any(m => m.Work == Work.Employee && m.AgeAt(m.RemovedOn ?? _asOf) < 75);
        string? insuredNumber = null;
        var symbol = household.Area.AreaCode[..4];
        foreach (var m in household.Members)
        {
            var day = m.RemovedOn ?? _asOf;
            var age = m.AgeAt(day);
            var insurable = m.Work != Work.Employee && (!hasEmployee || m.Work is Work.SelfEmployed or Work.Pensioner);
            if (insurable && age < 75)
            {
                var (acquired, reason) = Acquisition(m, rng);
                if (acquired > _lastDay || (m.RemovedOn is { } r && acquired >= r))
                {
                    continue;
                }

                insuredNumber ??= _ids.NextNhiHousehold();
                if (m.RemovedOn is { } removed)
                {
                    var lost = m.ChangeReason == "死亡" ? removed.AddDays(1) : removed;
                    Write(household, m, symbol, insuredNumber, acquired, reason, Min(lost, _lastDay), m.ChangeReason, rng);
                }
                else
                {
                    Write(household, m, symbol, insuredNumber, acquired, reason, null, null, rng);
                }
            }
            else if (insurable && !m.IsRemoved && m.BirthDate.AddYears(75) is var turned75 && turned75 >= _windowStart && turned75 <= _lastDay)
            {
                // Moved to 後期高齢者医療 on the 75th birthday.
                insuredNumber ??= _ids.NextNhiHousehold();
                var acquired = Min(turned75.AddDays(-1), Max(m.BirthDate.AddYears(65), NhiRecordsFrom));
                Write(household, m, symbol, insuredNumber, acquired, "社保離脱", turned75, "後期高齢者医療", rng);
            }
            else if (m.Work == Work.Employee && !m.IsRemoved && age is >= 23 and <= 45 && rng.Chance(0.07))
            {
                // Between jobs: insured for a while, then employee insurance again.
                insuredNumber ??= _ids.NextNhiHousehold();
                var acquired = rng.DateBetween(Max(_windowStart, m.BirthDate.AddYears(22)), _lastDay.AddDays(-60));
                var lost = Min(_lastDay, acquired.AddDays(rng.Between(30, 400)));
                Write(household, m, symbol, insuredNumber, acquired, "社保離脱", lost, "社保加入", rng);
            }
        }
    }

    private (DateOnly Day, string Reason) Acquisition(DemoPerson m, DemoRandom rng)
    {
        if (m.EnteredOn is { } entered)
        {
            return (entered, m.ChangeReason switch
            {
                "出生" => "出生",
                "転入" => "転入",
                _ => m.BirthDate == entered ? "出生" : "その他",
            });
        }

        if (m.Work == Work.Pensioner && m.BirthDate.AddYears(65) is var at65 && at65 >= NhiRecordsFrom && at65 <= _lastDay)
        {
            var retired = rng.Chance(0.5) ? at65 : m.BirthDate.AddYears(60);
            return (Max(retired, NhiRecordsFrom), "社保離脱");
        }

        if (m.BirthDate >= NhiRecordsFrom && m.AgeAt(_asOf) < 20)
        {
            return (m.BirthDate, "出生");
        }

        var from = Max(m.BirthDate.AddYears(20), NhiRecordsFrom);
        return (rng.DateBetween(from, Max(from, _windowStart)), rng.PickWeighted([0.6, 0.3, 0.1]) switch
        {
            0 => "社保離脱",
            1 => "転入",
            _ => "その他",
        });
    }

    private void Write(DemoHousehold household, DemoPerson m, string symbol, string number, DateOnly acquired, string acquisitionReason, DateOnly? lost, string? lossReason, DemoRandom rng)
    {
        var updated = ExportText.OfficeHours(Min(_lastDay, Max(acquired, lost ?? acquired).AddDays(rng.Next(10))), rng);
        _line.Clear().Append('{');
        JsonText.Property(_line, "atenaNumber", m.Atena, first: true);
        JsonText.Property(_line, "householdNumber", household.Number);
        JsonText.Property(_line, "insuredSymbol", symbol);
        JsonText.Property(_line, "insuredNumber", number);
        JsonText.Property(_line, "acquiredOn", ExportText.Date(acquired));
        JsonText.Property(_line, "lostOn", lost is null ? null : ExportText.Date(lost));
        JsonText.Property(_line, "acquisitionReason", acquisitionReason);
        JsonText.Property(_line, "lossReason", lossReason);
        JsonText.Property(_line, "updatedAt", ExportText.Timestamp(updated));
        _line.Append('}');
        _file.WriteLine(_line.ToString());
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    public void Dispose() => _file.Dispose();
}
