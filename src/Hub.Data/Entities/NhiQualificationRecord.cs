namespace Hub.Data.Entities;

/// <summary>国保資格: one version of a national health insurance qualification period.</summary>
public sealed class NhiQualificationRecord : TemporalRecord
{
    /// <summary>宛名番号.</summary>
    public string AtenaNumber { get; set; } = string.Empty;

    /// <summary>世帯番号.</summary>
    public string? HouseholdNumber { get; set; }

    /// <summary>被保険者証記号.</summary>
    public string? InsuredSymbol { get; set; }

    /// <summary>被保険者証番号.</summary>
    public string? InsuredNumber { get; set; }

    /// <summary>資格取得日.</summary>
    public DateOnly? AcquiredOn { get; set; }

    /// <summary>資格喪失日.</summary>
    public DateOnly? LostOn { get; set; }

    /// <summary>資格取得事由.</summary>
    public string? AcquisitionReason { get; set; }

    /// <summary>資格喪失事由.</summary>
    public string? LossReason { get; set; }
}
