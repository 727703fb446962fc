using Hub.Adapters.Catalog;
using Hub.Adapters.Records;

namespace Hub.Sync.Tests.Support;

/// <summary>Generic records of the sample kinds (要介護認定 longTermCare, 後期高齢者医療 lateElderly), as an adapter would yield them.</summary>
internal static class CareRecords
{
    public static readonly DateTimeOffset At = new(2025, 6, 1, 9, 0, 0, TimeSpan.FromHours(9));

    public static readonly FieldCatalog Catalog = FieldCatalog.LoadDefault();

    /// <summary>A 要介護認定 of resident <paramref name="atena"/> (an index of <see cref="ResidentExport"/>).</summary>
    public static CanonicalGenericRecord Care(int atena, string insured, string level, DateOnly from, DateOnly? until = null, bool removed = false, DateTimeOffset? at = null, Action<Dictionary<string, object?>>? tweak = null)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["atenaNumber"] = ResidentExport.Atena(atena),
            ["insuredNumber"] = insured,
            ["careLevel"] = level,
            ["validFrom"] = from,
            ["validUntil"] = until,
            ["certifiedOn"] = from.AddDays(-10),
        };
        tweak?.Invoke(values);
        return Of("longTermCare", values, removed, at);
    }

    /// <summary>A 後期高齢者医療 qualification of resident <paramref name="atena"/>.</summary>
    public static CanonicalGenericRecord Elderly(int atena, string insured, DateOnly acquired, DateOnly? lost = null) =>
        Of("lateElderly", new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["atenaNumber"] = ResidentExport.Atena(atena),
            ["insuredNumber"] = insured,
            ["acquiredOn"] = acquired,
            ["lostOn"] = lost,
        });

    public static CanonicalGenericRecord Of(string kind, Dictionary<string, object?> values, bool removed = false, DateTimeOffset? at = null) => new()
    {
        Kind = kind,
        Key = Catalog.Kind(kind) is { } k ? k.KeyOf(values) : "?",
        Values = values,
        IsRemoved = removed,
        SourceTimestamp = at ?? At,
    };
}
