namespace Hub.Demo.City;

/// <summary>
/// Japan's population by age around 2026 (5-year groups projected from the 2020 census and the 2024
/// population estimates, in millions): the second baby-boom peak at 50–54, the first at 75–79, few
/// children. Household composition draws the anchor person's age from this shape within the range its
/// household type allows, so the whole city inherits it.
/// </summary>
internal static class AgePyramid
{
    public const int MaxAge = 106;

    // 0-4, 5-9, … 100-104.
    private static readonly double[] FiveYear =
        [3.9, 4.4, 5.0, 5.4, 6.0, 6.3, 6.4, 6.8, 7.5, 8.6, 9.7, 8.6, 7.6, 7.3, 8.0, 8.6, 6.4, 4.4, 2.2, 0.7, 0.12];

    private static readonly double[] Cumulative = BuildCumulative();

    /// <summary>
    /// Acceptance weight of a household member's 5-year age group: household composition alone
    /// over-produces some ages (parents follow their children), so households are kept with the mean weight
    /// of their members. Calibrated against uncorrected runs (target share / generated share, max 1).
    /// </summary>
    private static readonly double[] Acceptance =
        [0.871, 0.364, 0.246, 0.221, 0.476, 0.475, 0.386, 0.407, 0.586, 0.592, 0.889, 1.0, 0.867, 0.65, 0.755, 0.847, 0.826, 0.844, 0.851, 0.947, 0.86];

    /// <summary>The mean acceptance weight of <paramref name="drafts"/>.</summary>
    public static double AcceptanceOf(List<Draft> drafts)
    {
        var sum = 0.0;
        foreach (var d in drafts)
        {
            sum += Acceptance[Math.Min(d.Age / 5, Acceptance.Length - 1)];
        }

        return sum / drafts.Count;
    }

    private static double[] BuildCumulative()
    {
        var cumulative = new double[MaxAge + 1];
        var sum = 0.0;
        for (var age = 0; age <= MaxAge; age++)
        {
            var group = Math.Min(age / 5, FiveYear.Length - 1);
            var weight = age > 104 ? FiveYear[^1] / 10 : FiveYear[group] / 5;
            sum += weight;
            cumulative[age] = sum;
        }

        return cumulative;
    }

    /// <summary>An age in [<paramref name="min"/>, <paramref name="max"/>] with the pyramid's weights.</summary>
    public static int Sample(DemoRandom rng, int min, int max)
    {
        min = Math.Clamp(min, 0, MaxAge);
        max = Math.Clamp(max, min, MaxAge);
        var low = min == 0 ? 0 : Cumulative[min - 1];
        var u = low + (rng.NextDouble() * (Cumulative[max] - low));
        var index = Array.BinarySearch(Cumulative, min, max - min + 1, u);
        return Math.Clamp(index >= 0 ? index : ~index, min, max);
    }
}
