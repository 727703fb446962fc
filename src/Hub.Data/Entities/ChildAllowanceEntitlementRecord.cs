namespace Hub.Data.Entities;

/// <summary>児童手当 受給: one version of an entitlement (one recipient, one child).</summary>
public sealed class ChildAllowanceEntitlementRecord : TemporalRecord
{
    /// <summary>認定番号.</summary>
    public string EntitlementId { get; set; } = string.Empty;

    /// <summary>受給者の宛名番号.</summary>
    public string? RecipientAtenaNumber { get; set; }

    /// <summary>児童の宛名番号.</summary>
    public string? ChildAtenaNumber { get; set; }

    /// <summary>認定日.</summary>
    public DateOnly? CertifiedOn { get; set; }

    /// <summary>消滅日.</summary>
    public DateOnly? EndedOn { get; set; }

    /// <summary>手当月額 (yen).</summary>
    public int? MonthlyAmount { get; set; }

    /// <summary>支給状態.</summary>
    public string? Status { get; set; }
}
