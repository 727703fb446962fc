namespace Hub.Demo.City;

/// <summary>
/// Who works how and earns what: employment by age and sex (労働力調査 shapes), salaries by age and sex
/// (賃金構造基本統計調査 medians) spread by a quantile table, pensions for those 65 and over. Only
/// additions and multiplications on doubles, so the figures are the same on every machine.
/// </summary>
internal static class IncomeModel
{
    // Spread around the median: (cumulative share, factor).
    private static readonly (double U, double F)[] Spread =
        [(0.0, 0.45), (0.1, 0.62), (0.25, 0.80), (0.5, 1.0), (0.75, 1.25), (0.9, 1.6), (0.97, 2.2), (1.0, 3.4)];

    public static void Assign(DemoPerson p, DateOnly asOf, DemoRandom rng)
    {
        var age = p.AgeAt(asOf);
        var male = p.Sex == Sex.Male;
        if (age < 15)
        {
            p.Work = Work.None;
            return;
        }

        if (age <= 22)
        {
            p.Work = age >= 18 && rng.Chance(0.22) ? Work.Employee : Work.Student;
            if (p.Work == Work.Employee)
            {
                p.SalaryGross = Salary(age, male, rng);
            }
            else if (age >= 16 && rng.Chance(0.35))
            {
                p.SalaryGross = Round(rng.Between(100, 1_030) * 1000.0);
            }

            return;
        }

        if (age <= 64)
        {
            p.Work = (Work)(male
                ? rng.PickWeighted([0.06, 0.0, 0.80, 0.04, 0.10])
                : rng.PickWeighted([0.17, 0.0, 0.53, 0.25, 0.05]));
            if (p.IsForeign && p.Work == Work.SelfEmployed)
            {
                p.Work = Work.Employee;
            }
        }
        else
        {
            p.Work = Work.Pensioner;
            var basic = rng.Between(600, 800) * 1000.0;
            p.PensionGross = Round(male ? basic + (rng.NextDouble() * 1_900_000) : basic + (rng.NextDouble() * 800_000));
            if (age <= 74 && rng.Chance(0.25))
            {
                p.SalaryGross = Round(rng.Between(600, 2_400) * 1000.0);
            }
            else if (age <= 74 && rng.Chance(0.08))
            {
                p.BusinessIncome = Round(rng.Between(200, 2_500) * 1000.0);
            }
        }

        switch (p.Work)
        {
            case Work.Employee:
                p.SalaryGross = Salary(age, male, rng);
                break;
            case Work.PartTime:
                p.SalaryGross = Round(rng.Between(500, 1_600) * 1000.0);
                break;
            case Work.SelfEmployed:
                p.BusinessIncome = Round(2_600_000 * Factor(rng) * 0.9);
                break;
            default:
                break;
        }

        if (age >= 30 && rng.Chance(0.04))
        {
            p.OtherIncome = Round(rng.Between(100, 3_000) * 1000.0);
        }
    }

    private static long Salary(int age, bool male, DemoRandom rng)
    {
        double median = age switch
        {
            < 25 => male ? 2_900_000 : 2_700_000,
            < 30 => male ? 3_700_000 : 3_300_000,
            < 40 => male ? 4_700_000 : 3_600_000,
            < 50 => male ? 5_800_000 : 3_800_000,
            < 60 => male ? 6_400_000 : 3_800_000,
            _ => male ? 4_200_000 : 2_800_000,
        };
        return Round(median * Factor(rng));
    }

    private static double Factor(DemoRandom rng)
    {
        var u = rng.NextDouble();
        for (var i = 1; i < Spread.Length; i++)
        {
            if (u <= Spread[i].U)
            {
                var (u0, f0) = Spread[i - 1];
                var (u1, f1) = Spread[i];
                return f0 + ((f1 - f0) * (u - u0) / (u1 - u0));
            }
        }

        return Spread[^1].F;
    }

    /// <summary>To the thousand yen.</summary>
    public static long Round(double yen) => (long)(yen / 1000) * 1000;
}
