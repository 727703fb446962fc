using Hub.Adapters.Domain.Identifiers;
using Hub.Adapters.Records;

namespace Hub.Testing.Kinds;

/// <summary>
/// Generated 国保 qualifications for the sync benchmark: <c>count</c> records over the given residents, one period of
/// three years after another per resident (record i is resident i mod n's period i / n), the last one still open. The
/// same sequence is produced each time, typed; <see cref="NhiShapeKind.From(Hub.Adapters.Catalog.RecordKind, CanonicalNhiQualification)"/>
/// turns each into the generic kind.
/// </summary>
public static class NhiShapeRecords
{
    private static readonly string[] Reasons = ["社保離脱", "転入", "出生", "生保廃止", "その他"];
    private static readonly DateTimeOffset Timestamp = new(2026, 4, 1, 9, 0, 0, TimeSpan.FromHours(9));

    /// <summary>The records, lazily.</summary>
    public static IEnumerable<CanonicalNhiQualification> Generate(IReadOnlyList<string> atenaNumbers, long count)
    {
        ArgumentNullException.ThrowIfNull(atenaNumbers);
        var n = atenaNumbers.Count;
        var periods = (count + n - 1) / n;
        for (long i = 0; i < count; i++)
        {
            var resident = (int)(i % n);
            var period = (int)(i / n);
            var acquired = new DateOnly(1990, 4, 1).AddYears(3 * period).AddDays(resident % 365);
            var last = period == periods - 1 || i + n >= count;
            yield return new CanonicalNhiQualification
            {
                AtenaNumber = AtenaNumber.Parse(atenaNumbers[resident], verifyCheckDigit: false),
                InsuredSymbol = "国" + NhiShapeKind.Digits(resident % 97, 2),
                InsuredNumber = NhiShapeKind.Digits(i, 8),
                AcquiredOn = acquired,
                LostOn = last ? null : acquired.AddYears(3),
                AcquisitionReason = Reasons[(resident + period) % Reasons.Length],
                LossReason = last ? null : "社保加入",
                SourceTimestamp = Timestamp,
            };
        }
    }
}
