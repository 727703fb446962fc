using System.Globalization;

namespace Hub.Adapters.Domain.Dates;

/// <summary>
/// ISO dates and timestamps as exports write them, parsed without the general parser for the common exact forms
/// (<c>yyyy-MM-dd</c>, <c>yyyy-MM-ddTHH:mm:ss±hh:mm</c> or <c>…Z</c>); any other text goes to the general parser, so the
/// results are those of <see cref="DateOnly.TryParseExact(string, string, IFormatProvider, DateTimeStyles, out DateOnly)"/>
/// and <see cref="DateTimeOffset.TryParse(string, IFormatProvider, DateTimeStyles, out DateTimeOffset)"/>.
/// </summary>
internal static class IsoText
{
    /// <summary>Parses <c>yyyy-MM-dd</c> exactly (invariant culture).</summary>
    public static bool TryParseDate(string? text, out DateOnly date)
    {
        if (text is { Length: 10 } && text[4] == '-' && text[7] == '-'
            && TryDigits(text, 0, 4, out var y) && TryDigits(text, 5, 2, out var m) && TryDigits(text, 8, 2, out var d)
            && y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            date = new DateOnly(y, m, d);
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    /// <summary>Parses a timestamp as <see cref="DateTimeOffset.TryParse(string, IFormatProvider, DateTimeStyles, out DateTimeOffset)"/> does (invariant culture, no styles).</summary>
    public static bool TryParseTimestamp(string? text, out DateTimeOffset value)
    {
        if (text is { Length: 25 or 20 } && text[4] == '-' && text[7] == '-' && text[10] == 'T' && text[13] == ':' && text[16] == ':'
            && TryDigits(text, 0, 4, out var y) && TryDigits(text, 5, 2, out var mo) && TryDigits(text, 8, 2, out var d)
            && TryDigits(text, 11, 2, out var h) && TryDigits(text, 14, 2, out var mi) && TryDigits(text, 17, 2, out var s)
            && y >= 1 && mo is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, mo) && h < 24 && mi < 60 && s < 60
            && TryOffset(text, out var offset))
        {
            var local = new DateTime(y, mo, d, h, mi, s, DateTimeKind.Unspecified);
            var utcTicks = local.Ticks - offset.Ticks;
            if (utcTicks >= DateTime.MinValue.Ticks && utcTicks <= DateTime.MaxValue.Ticks)
            {
                value = new DateTimeOffset(local, offset);
                return true;
            }
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private static bool TryOffset(string text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text.Length == 20)
        {
            return text[19] == 'Z';
        }

        if (text[19] is not ('+' or '-') || text[22] != ':' || !TryDigits(text, 20, 2, out var oh) || !TryDigits(text, 23, 2, out var om) || oh > 14 || om > 59 || (oh == 14 && om > 0))
        {
            return false;
        }

        offset = new TimeSpan(oh, om, 0);
        if (text[19] == '-')
        {
            offset = -offset;
        }

        return true;
    }

    private static bool TryDigits(string text, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var c = text[i];
            if (c is < '0' or > '9')
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }
}
