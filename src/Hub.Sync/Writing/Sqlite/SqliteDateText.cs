namespace Hub.Sync.Writing.Sqlite;

/// <summary>
/// Dates and times as the UTF-8 text Microsoft.Data.Sqlite stores for them (<c>yyyy-MM-dd HH:mm:ss.FFFFFFF</c>, the
/// fraction without trailing zeros and left out with its point when zero; <c>yyyy-MM-dd</c>), written digit by digit:
/// .NET's custom-format path took a fifth of the SQLite store's time on a first load (profiled), and every
/// versioned row has several timestamps. <c>SqliteDateTextTests</c> compares it with .NET's formatting.
/// </summary>
internal static class SqliteDateText
{
    /// <summary>The longest text <see cref="Write(DateTime, Span{byte})"/> writes.</summary>
    public const int MaxDateTimeLength = 27;

    /// <summary>The length of the text <see cref="Write(DateOnly, Span{byte})"/> writes.</summary>
    public const int DateLength = 10;

    /// <summary>Writes <paramref name="value"/> into <paramref name="utf8"/>; returns the bytes written.</summary>
    public static int Write(DateTime value, Span<byte> utf8)
    {
        WriteDate(value.Year, value.Month, value.Day, utf8);
        utf8[10] = (byte)' ';
        Two(value.Hour, utf8[11..]);
        utf8[13] = (byte)':';
        Two(value.Minute, utf8[14..]);
        utf8[16] = (byte)':';
        Two(value.Second, utf8[17..]);
        var fraction = (int)(value.Ticks % TimeSpan.TicksPerSecond);
        if (fraction == 0)
        {
            return 19;
        }

        utf8[19] = (byte)'.';
        var length = 27;
        while (fraction % 10 == 0)
        {
            fraction /= 10;
            length--;
        }

        for (var i = length - 1; i >= 20; i--)
        {
            utf8[i] = (byte)('0' + (fraction % 10));
            fraction /= 10;
        }

        return length;
    }

    /// <summary>Writes <paramref name="value"/> into <paramref name="utf8"/>; returns the bytes written.</summary>
    public static int Write(DateOnly value, Span<byte> utf8)
    {
        WriteDate(value.Year, value.Month, value.Day, utf8);
        return DateLength;
    }

    private static void WriteDate(int year, int month, int day, Span<byte> utf8)
    {
        Two(year / 100, utf8);
        Two(year % 100, utf8[2..]);
        utf8[4] = (byte)'-';
        Two(month, utf8[5..]);
        utf8[7] = (byte)'-';
        Two(day, utf8[8..]);
    }

    private static void Two(int value, Span<byte> utf8)
    {
        utf8[1] = (byte)('0' + (value % 10));
        utf8[0] = (byte)('0' + (value / 10));
    }
}
