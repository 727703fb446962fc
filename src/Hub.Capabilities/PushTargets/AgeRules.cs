namespace Hub.Capabilities.PushTargets;

/// <summary>
/// How the hub counts age (満年齢) on a reference date: completed years, the birthday counted. The
/// n-th birthday of a 2月29日 birth in a common year is 3月1日 (年齢到達日 for 後期高齢者医療
/// is the 75th birthday itself, 高齢者の医療の確保に関する法律 第50条・第52条).
/// </summary>
public static class AgeRules
{
    /// <summary>The <paramref name="age"/>-th birthday of someone born on <paramref name="birth"/>.</summary>
    public static DateOnly Birthday(DateOnly birth, int age) =>
        birth.Month == 2 && birth.Day == 29 && !DateTime.IsLeapYear(birth.Year + age)
            ? new DateOnly(birth.Year + age, 3, 1)
            : new DateOnly(birth.Year + age, birth.Month, birth.Day);

    /// <summary>満年齢 on <paramref name="on"/>.</summary>
    public static int AgeOn(DateOnly birth, DateOnly on)
    {
        var age = on.Year - birth.Year;
        return (on.Month, on.Day).CompareTo((birth.Month, birth.Day)) < 0 ? age - 1 : age;
    }
}
