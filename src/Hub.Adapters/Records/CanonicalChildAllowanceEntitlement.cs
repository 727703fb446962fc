using Hub.Adapters.Domain.Identifiers;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Records;

/// <summary>児童手当 受給: one entitlement (one recipient, one child), in canonical form.</summary>
public sealed record CanonicalChildAllowanceEntitlement : CanonicalRecord
{
    /// <inheritdoc />
    public override string SourceKey => EntitlementId;

    /// <summary>認定番号.</summary>
    public required string EntitlementId { get; init; }

    /// <summary>受給者の宛名番号.</summary>
    public required AtenaNumber RecipientAtenaNumber { get; init; }

    /// <summary>児童の宛名番号.</summary>
    public required AtenaNumber ChildAtenaNumber { get; init; }

    /// <summary>認定日.</summary>
    public DateOnly? CertifiedOn { get; init; }

    /// <summary>消滅日; null while paid.</summary>
    public DateOnly? EndedOn { get; init; }

    /// <summary>手当月額 (yen).</summary>
    public int? MonthlyAmount { get; init; }

    /// <summary>支給状態.</summary>
    public string? Status { get; init; }
}
