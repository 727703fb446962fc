namespace Hub.Demo.City;

/// <summary>
/// 児童手当: <c>child-allowance/entitlements.csv</c>, one entitlement per (recipient, child). Since the
/// October 2024 reform: children up to 高校生年代 (the first 31 March after the 18th birthday), 15,000 yen
/// a month under 3, 10,000 from 3, 30,000 for the third and later child (counting children up to the
/// first 31 March after their 22nd birthday). Before it: up to 中学校修了. About one family in
/// twenty-five has not applied (未申請), which push-type notification is meant to find.
/// </summary>
internal sealed class ChildAllowanceExport : IDisposable
{
    public const string RelativePath = "child-allowance/entitlements.csv";

    public const string Header = "entitlement_id,recipient_atena,child_atena,certified_on,ended_on,monthly_amount,status,updated_at";

    /// <summary>The October 2024 reform (児童手当法改正, 令和6年10月分から).</summary>
    public static readonly DateOnly Reform = new(2024, 10, 1);

    /// <summary>The allowance in its present form began in April 2012; older certifications were migrated then.</summary>
    private static readonly DateOnly SystemStart = new(2012, 4, 1);

    private readonly ExportFile _file;
    private readonly IdentifierIssuer _ids;
    private readonly int _seed;
    private readonly DateOnly _asOf;
    private readonly DateOnly _windowStart;
    private readonly DateOnly _lastDay;

    public ChildAllowanceExport(string root, DemoCityOptions options, IdentifierIssuer ids)
    {
        _file = new ExportFile(root, RelativePath, Header);
        _ids = ids;
        _seed = options.Seed;
        _asOf = options.AsOf;
        _windowStart = options.AsOf.AddYears(-LifeEvents.WindowYears);
        _lastDay = options.AsOf.AddDays(-1);
    }

    public ExportFile File => _file;

    /// <summary>The first 31 March on or after the day before the <paramref name="years"/>-th birthday.</summary>
    public static DateOnly EndOfSchoolYearAfter(DateOnly birth, int years)
    {
        var day = birth.AddYears(years).AddDays(-1);
        var march31 = new DateOnly(day.Year, 3, 31);
        return day <= march31 ? march31 : march31.AddYears(1);
    }

    public void Write(DemoHousehold household)
    {
        var rng = new DemoRandom(_seed, (1UL << 40) | ((ulong)household.Ordinal << 3) | 3);
        var notApplied = rng.Chance(0.04);
        var wholeRemoved = household.Members.TrueForAll(m => m.IsRemoved);
        foreach (var child in household.Members)
        {
            if (child.IsRemoved != wholeRemoved || EndOfSchoolYearAfter(child.BirthDate, 18) < _windowStart)
            {
                continue;
            }

            var skip = rng.Chance(0.01);
            var recipient = Recipient(household, child);
            if (notApplied || skip || recipient is null)
            {
                continue;
            }

            var end15 = EndOfSchoolYearAfter(child.BirthDate, 15);
            var end18 = EndOfSchoolYearAfter(child.BirthDate, 18);
            var certified = Min(_lastDay, (child.EnteredOn ?? child.BirthDate).AddDays(rng.Between(5, 30)));
            if (certified < SystemStart)
            {
                certified = SystemStart.AddDays(rng.Next(60));
            }

            var stop = child.RemovedOn ?? DateOnly.MaxValue;
            if (end15 < Reform)
            {
                // Aged out under the old law (中学校修了), then certified again for 高校生年代 after the reform.
                if (end15 >= _windowStart && certified <= end15)
                {
                    Entitlement(household, recipient, child, certified, Min(end15, stop), rng);
                }

                if (end18 >= Reform && _asOf > Reform && stop > Reform)
                {
                    var again = Min(_lastDay, Reform.AddDays(rng.Next(150)));
                    Entitlement(household, recipient, child, again, Ended(end18, stop), rng);
                }
            }
            else if (certified < stop && certified <= _lastDay)
            {
                Entitlement(household, recipient, child, certified, Ended(_asOf > Reform ? end18 : end15, stop), rng);
            }
        }
    }

    private DateOnly? Ended(DateOnly end, DateOnly stop)
    {
        var ended = Min(end, stop);
        return ended < _asOf ? ended : null;
    }

    /// <summary>The parent with the higher income; the head (養育者) where no parent lives with the child.</summary>
    private static DemoPerson? Recipient(DemoHousehold household, DemoPerson child)
    {
        string[] parents = child.Relationship switch
        {
            "子" => ["世帯主", "妻", "夫"],
            "孫" => ["子", "子の妻", "子の夫"],
            _ => ["世帯主"],
        };
        DemoPerson? best = null;
        foreach (var m in household.Members)
        {
            if (m == child || m.IsRemoved != child.IsRemoved || !parents.Contains(m.Relationship) || m.BirthDate.AddYears(16) > child.BirthDate)
            {
                continue;
            }

            if (best is null || Earnings(m) > Earnings(best))
            {
                best = m;
            }
        }

        var head = household.Head;
        return best ?? (head.IsRemoved == child.IsRemoved && head.BirthDate.AddYears(16) <= child.BirthDate ? head : null);
    }

    private static long Earnings(DemoPerson m) => m.SalaryGross + m.BusinessIncome + m.PensionGross + m.OtherIncome;

    private void Entitlement(DemoHousehold household, DemoPerson recipient, DemoPerson child, DateOnly certified, DateOnly? ended, DemoRandom rng)
    {
        var asAt = ended ?? _asOf;
        var amount = Amount(household, child, asAt);
        var updatedDay = ended is { } e ? Min(_lastDay, e.AddDays(rng.Between(1, 20))) : certified;
        if (ended is null && child.BirthDate.AddYears(3) is var third && third > certified && third <= _lastDay)
        {
            updatedDay = Min(_lastDay, third.AddDays(rng.Between(1, 40))); // amount changed at age 3
        }

        if (amount == 30_000 && certified < Reform && updatedDay < Reform)
        {
            updatedDay = Min(_lastDay, Reform.AddDays(rng.Next(60))); // 多子加算 from the October 2024 reform
        }

        _file.WriteCsvRow(
            _ids.NextEntitlementId(),
            recipient.Atena,
            child.Atena,
            ExportText.Date(certified),
            ExportText.Date(ended),
            ExportText.Number(amount),
            ended is null ? "1" : "2",
            ExportText.Timestamp(ExportText.OfficeHours(updatedDay, rng)));
    }

    /// <summary>Monthly amount on <paramref name="day"/>: 30,000 for the third and later child, else 15,000 under 3, else 10,000.</summary>
    private static long Amount(DemoHousehold household, DemoPerson child, DateOnly day)
    {
        var rank = 1;
        foreach (var m in household.Members)
        {
            if (m != child && m.Relationship == child.Relationship && m.BirthDate < child.BirthDate && m.IsRemoved == child.IsRemoved
                && EndOfSchoolYearAfter(m.BirthDate, 22) >= day)
            {
                rank++;
            }
        }

        if (day >= Reform && rank >= 3)
        {
            return 30_000;
        }

        return child.AgeAt(day) < 3 ? 15_000 : 10_000;
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    public void Dispose() => _file.Dispose();
}
