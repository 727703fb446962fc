using System.Globalization;

namespace Hub.Demo.City;

/// <summary>
/// 個人住民税: <c>resident-tax/assessments-FY{year}.csv</c> for the three latest fiscal years whose
/// 当初課税 (June) is before the as-of date. A fiscal year's assessment covers whoever was registered on
/// 1 January of that year (賦課期日) and is based on the previous calendar year's income.
/// </summary>
internal sealed class ResidentTaxExport : IDisposable
{
    public const string Header =
        "atena_number,fiscal_year,total_income,taxable_income,salary_income,pension_income,business_income,other_income," +
        "per_capita_levy,income_levy,non_taxable,dependents,updated_at";

    /// <summary>均等割: 市町村民税 3,000 + 道府県民税 1,000 + 森林環境税 1,000 from FY2024; 3,500 + 1,500 (with the 復興 surcharge) before.</summary>
    public const long PerCapitaLevy = 5_000;

    private const long DependentIncomeLimit = 480_000;

    private readonly int _seed;
    private readonly DateOnly _lastDay;
    private readonly int[] _years;
    private readonly ExportFile[] _files;

    public ResidentTaxExport(string root, DemoCityOptions options)
    {
        _seed = options.Seed;
        _lastDay = options.AsOf.AddDays(-1);
        var latest = options.AsOf.Month >= 7 ? options.AsOf.Year : options.AsOf.Year - 1;
        _years = [latest - 2, latest - 1, latest];
        _files = [.. _years.Select(y => new ExportFile(root, FormattableString.Invariant($"resident-tax/assessments-FY{y}.csv"), Header))];
    }

    public IEnumerable<ExportFile> Files => _files;

    public void Write(DemoHousehold household)
    {
        var rng = new DemoRandom(_seed, (1UL << 40) | ((ulong)household.Ordinal << 3) | 1);
        var members = household.Members;
        Span<long> totals = stackalloc long[members.Count];
        for (var y = 0; y < _years.Length; y++)
        {
            var year = _years[y];
            var levyDay = new DateOnly(year, 1, 1);
            var main = -1;
            for (var i = 0; i < members.Count; i++)
            {
                var m = members[i];
                totals[i] = m.IsResidentOn(levyDay) ? IncomeOf(m, year, levyDay).Total : -1;
                if (totals[i] >= 0 && (main < 0 || totals[i] > totals[main]))
                {
                    main = i;
                }
            }

            for (var i = 0; i < members.Count; i++)
            {
                var m = members[i];
                if (totals[i] < 0 || m.AgeAt(levyDay) < 16)
                {
                    continue;
                }

                var income = IncomeOf(m, year, levyDay);
                if (income.Revenue <= 0)
                {
                    continue;
                }

                int dependents = 0, adultDependents = 0;
                if (i == main)
                {
                    for (var j = 0; j < members.Count; j++)
                    {
                        if (j != i && totals[j] >= 0 && totals[j] <= DependentIncomeLimit)
                        {
                            dependents++;
                            adultDependents += members[j].AgeAt(levyDay) >= 16 ? 1 : 0;
                        }
                    }
                }

                WriteRow(_files[y], m, year, income, dependents, adultDependents, rng);
            }
        }
    }

    private void WriteRow(ExportFile file, DemoPerson m, int year, in Income income, int dependents, int adultDependents, DemoRandom rng)
    {
        var deductions = 430_000 + income.SocialInsurance + (330_000L * adultDependents);
        var taxable = Math.Max(0, (income.Total - deductions) / 1000 * 1000);
        var perCapitaLimit = dependents == 0 ? 450_000 : (350_000L * (dependents + 1)) + 310_000;
        var incomeLevyLimit = dependents == 0 ? 450_000 : (350_000L * (dependents + 1)) + 420_000;
        var nonTaxable = income.Total <= perCapitaLimit;
        var incomeLevy = nonTaxable || income.Total <= incomeLevyLimit || taxable == 0
            ? 0
            : Math.Max(0, ((taxable / 10) - 2_500) / 100 * 100); // 10% (市 6% + 県 4%) less a flat 調整控除
        var perCapita = nonTaxable ? 0 : PerCapitaLevy;

        // 当初課税 in early June; a few are corrected (更正) later.
        var day = new DateOnly(year, 6, 1).AddDays(rng.Next(10));
        if (rng.Chance(0.05))
        {
            day = rng.DateBetween(day.AddDays(20), new DateOnly(year + 1, 3, 31));
        }

        if (day > _lastDay)
        {
            day = _lastDay;
        }

        file.WriteCsvRow(
            m.Atena,
            year.ToString(CultureInfo.InvariantCulture),
            ExportText.Number(income.Total),
            ExportText.Number(taxable),
            ExportText.Number(income.Salary),
            ExportText.Number(income.Pension),
            ExportText.Number(income.Business),
            ExportText.Number(income.Other),
            ExportText.Number(perCapita),
            ExportText.Number(incomeLevy),
            nonTaxable ? "1" : "0",
            dependents.ToString(CultureInfo.InvariantCulture),
            ExportText.Timestamp(ExportText.OfficeHours(day, rng)));
    }

    /// <summary>The income of the calendar year before <paramref name="fiscalYear"/>: the person's level, varied a little per year.</summary>
    private Income IncomeOf(DemoPerson m, int fiscalYear, DateOnly levyDay)
    {
        var h = DemoRandom.Hash(_seed, m.Ordinal, fiscalYear);
        var factor = 0.94 + ((h % 1201) / 10_000.0);
        var salaryGross = IncomeModel.Round(m.SalaryGross * factor);
        var pensionGross = m.PensionGross;
        var business = IncomeModel.Round(m.BusinessIncome * factor);
        var other = m.OtherIncome;
        var salary = SalaryIncome(salaryGross);
        var pension = PensionIncome(pensionGross, m.AgeAt(levyDay) >= 65);
        var social = (long)((salaryGross * 0.15) + (pensionGross * 0.05) + (business > 0 ? 200_000 + (business * 0.1) : 0));
        return new Income(salaryGross + pensionGross + business + other, salary, pension, business, other, salary + pension + business + other, social);
    }

    /// <summary>給与所得: gross less 給与所得控除 (令和2年分以降, without the table's 4,000-yen steps).</summary>
    private static long SalaryIncome(long gross) => gross switch
    {
        < 551_000 => 0,
        <= 1_625_000 => gross - 550_000,
        <= 1_800_000 => gross - (long)((gross * 0.4) - 100_000),
        <= 3_600_000 => gross - (long)((gross * 0.3) + 80_000),
        <= 6_600_000 => gross - (long)((gross * 0.2) + 440_000),
        <= 8_500_000 => gross - (long)((gross * 0.1) + 1_100_000),
        _ => gross - 1_950_000,
    };

    /// <summary>公的年金等に係る雑所得: gross less 公的年金等控除 (other income up to 10 million yen).</summary>
    private static long PensionIncome(long gross, bool aged65) => Math.Max(0, aged65
        ? gross switch
        {
            <= 3_300_000 => gross - 1_100_000,
            <= 4_100_000 => (long)(gross * 0.75) - 275_000,
            _ => (long)(gross * 0.85) - 685_000,
        }
        : gross switch
        {
            <= 1_300_000 => gross - 600_000,
            <= 4_100_000 => (long)(gross * 0.75) - 275_000,
            _ => (long)(gross * 0.85) - 685_000,
        });

    public void Dispose()
    {
        foreach (var file in _files)
        {
            file.Dispose();
        }
    }

    private readonly record struct Income(long Revenue, long Salary, long Pension, long Business, long Other, long Total, long SocialInsurance);
}
