using System.Globalization;
using Hub.Adapters.Domain.Identifiers;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Records;

/// <summary>個人住民税 課税: one resident's assessment for one fiscal year, in canonical form.</summary>
public sealed record CanonicalTaxAssessment : CanonicalRecord
{
    /// <inheritdoc />
    public override string SourceKey => string.Create(CultureInfo.InvariantCulture, $"{AtenaNumber.Value}:{FiscalYear}");

    /// <summary>宛名番号.</summary>
    public required AtenaNumber AtenaNumber { get; init; }

    /// <summary>個人番号 as the tax system holds it, when it does (checked against the registry's).</summary>
    public MyNumber? MyNumber { get; init; }

    /// <summary>課税年度.</summary>
    public required int FiscalYear { get; init; }

    /// <summary>総所得金額等 (yen).</summary>
    public long? TotalIncome { get; init; }

    /// <summary>課税標準額 (yen).</summary>
    public long? TaxableIncome { get; init; }

    /// <summary>給与所得 (yen).</summary>
    public long? SalaryIncome { get; init; }

    /// <summary>公的年金等に係る雑所得 (yen).</summary>
    public long? PensionIncome { get; init; }

    /// <summary>営業等所得 (yen).</summary>
    public long? BusinessIncome { get; init; }

    /// <summary>その他の所得 (yen).</summary>
    public long? OtherIncome { get; init; }

    /// <summary>均等割額 (yen).</summary>
    public long? PerCapitaLevy { get; init; }

    /// <summary>所得割額 (yen).</summary>
    public long? IncomeLevy { get; init; }

    /// <summary>非課税.</summary>
    public required bool NonTaxable { get; init; }

    /// <summary>扶養親族数.</summary>
    public int? Dependents { get; init; }
}
