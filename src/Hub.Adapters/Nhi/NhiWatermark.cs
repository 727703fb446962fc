using System.Globalization;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Nhi;

/// <summary>
/// The NHI adapter's position: <c>updatedSince|page|atenaNumber</c> — the last stored item's updatedAt and
/// 宛名番号, and the page to ask for with that updatedSince (1, unless a whole page shared one timestamp).
/// Items at or before (updatedAt, 宛名番号) are skipped, so a page that shifted between calls loses nothing
/// and repeats nothing.
/// </summary>
internal readonly record struct NhiWatermark(DateTimeOffset? Since, int Page, string Key)
{
    public static NhiWatermark Parse(Watermark w)
    {
        var parts = w.IsStart ? [] : w.Value.Split('|');
        return parts.Length == 3
            && DateTimeOffset.TryParse(parts[0], CultureInfo.InvariantCulture, DateTimeStyles.None, out var since)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page >= 1
            ? new NhiWatermark(since, page, parts[2])
            : new NhiWatermark(null, 1, string.Empty);
    }

    public bool IsAfter(DateTimeOffset updatedAt, string key) =>
        Since is not { } s || updatedAt > s || (updatedAt == s && string.CompareOrdinal(key, Key) > 0);

    public Watermark ToWatermark() =>
        Since is { } s ? new Watermark(string.Create(CultureInfo.InvariantCulture, $"{s:yyyy-MM-ddTHH:mm:sszzz}|{Page}|{Key}")) : Watermark.Start;
}
