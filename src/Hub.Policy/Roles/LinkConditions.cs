using System.Globalization;

namespace Hub.Policy.Roles;

/// <summary>Built-in link conditions.</summary>
public static class LinkConditions
{
    /// <summary>
    /// Go's <c>TimeMatchFunc</c>: the link holds while now (from <paramref name="timeProvider"/>) is after the first value
    /// and before the second, both <c>yyyy-MM-dd HH:mm:ss</c> UTC, <c>_</c> meaning unbounded. A malformed time fails the link.
    /// </summary>
    public static Func<IReadOnlyList<string>, bool> TimeMatch(TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(timeProvider);
        return values =>
        {
            if (values.Count < 2)
            {
                return false;
            }

            var now = timeProvider.GetUtcNow();
            return (values[0] == "_" || (TryParse(values[0], out var start) && now > start))
                && (values[1] == "_" || (TryParse(values[1], out var end) && now < end));
        };
    }

    private static bool TryParse(string text, out DateTimeOffset value)
    {
        // Go accepts year 0000, which .NET cannot represent; any such instant lies before every real "now".
        if (text.StartsWith("0000-", StringComparison.Ordinal))
        {
            value = DateTimeOffset.MinValue;
            return true;
        }

        return DateTimeOffset.TryParseExact(text, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);
    }
}
