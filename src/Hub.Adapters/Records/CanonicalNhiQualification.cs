using System.Globalization;
using Hub.Adapters.Domain.Identifiers;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Records;

/// <summary>国保資格: one period of national health insurance qualification, in canonical form.</summary>
public sealed record CanonicalNhiQualification : CanonicalRecord
{
    /// <inheritdoc />
    /// <remarks>One qualification period per person and acquisition date.</remarks>
    public override string SourceKey => string.Create(CultureInfo.InvariantCulture, $"{AtenaNumber.Value}:{AcquiredOn:yyyy-MM-dd}");

    /// <summary>宛名番号.</summary>
    public required AtenaNumber AtenaNumber { get; init; }

    /// <summary>個人番号 as the NHI system holds it, when it does.</summary>
    public MyNumber? MyNumber { get; init; }

    /// <summary>世帯番号.</summary>
    public HouseholdNumber? HouseholdNumber { get; init; }

    /// <summary>被保険者証記号.</summary>
    public string? InsuredSymbol { get; init; }

    /// <summary>被保険者証番号.</summary>
    public string? InsuredNumber { get; init; }

    /// <summary>資格取得日.</summary>
    public DateOnly? AcquiredOn { get; init; }

    /// <summary>資格喪失日; null while insured.</summary>
    public DateOnly? LostOn { get; init; }

    /// <summary>資格取得事由.</summary>
    public string? AcquisitionReason { get; init; }

    /// <summary>資格喪失事由.</summary>
    public string? LossReason { get; init; }
}
