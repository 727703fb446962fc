using System.Globalization;

namespace Hub.Demo.City;

/// <summary>The invariant text forms every export uses.</summary>
internal static class ExportText
{
    public static string Date(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    public static string Timestamp(DateTimeOffset at) => at.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A time in office hours (08:30–17:15 JST) on <paramref name="day"/>.</summary>
    public static DateTimeOffset OfficeHours(DateOnly day, DemoRandom rng)
    {
        var minutes = (8 * 60) + 30 + rng.Next(525);
        return new DateTimeOffset(day.ToDateTime(new TimeOnly(minutes / 60, minutes % 60, rng.Next(60))), TimeSpan.FromHours(9));
    }
}
