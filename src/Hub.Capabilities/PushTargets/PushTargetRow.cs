namespace Hub.Capabilities.PushTargets;

/// <summary>
/// One resident a push-type definition selects: the basic items a notification needs. Which of them
/// leave the hub is decided by the caller's field mask for the action <c>extract</c>.
/// </summary>
public sealed class PushTargetRow
{
    /// <summary>Row id of the resident version (the keyset of pagination).</summary>
    public long Id { get; init; }

    /// <summary>宛名番号 (<c>resident.atenaNumber</c>).</summary>
    public string AtenaNumber { get; init; } = string.Empty;

    /// <summary>世帯番号 (<c>resident.householdNumber</c>).</summary>
    public string? HouseholdNumber { get; init; }

    /// <summary>氏名 (<c>resident.name</c>).</summary>
    public string Name { get; init; } = string.Empty;

    /// <summary>氏名カナ (<c>resident.nameKana</c>).</summary>
    public string? NameKana { get; init; }

    /// <summary>性別 (<c>resident.sex</c>).</summary>
    public string Sex { get; init; } = string.Empty;

    /// <summary>生年月日 as held (<c>resident.birthDate</c>).</summary>
    public string? BirthDateText { get; init; }

    /// <summary>続柄 (<c>resident.relationship</c>).</summary>
    public string? Relationship { get; init; }

    /// <summary>郵便番号 (<c>resident.postalCode</c>).</summary>
    public string? PostalCode { get; init; }

    /// <summary>町字コード (<c>resident.areaCode</c>).</summary>
    public string? AreaCode { get; init; }

    /// <summary>住所 (<c>resident.address</c>).</summary>
    public string? Address { get; init; }

    /// <summary>方書 (<c>resident.addressSupplement</c>).</summary>
    public string? AddressSupplement { get; init; }

    /// <summary>True when the resident is listed only because a 不詳 birth date might match (<see cref="Criteria.UncertainAges.Separate"/>).</summary>
    public bool AgeUncertain { get; init; }
}
