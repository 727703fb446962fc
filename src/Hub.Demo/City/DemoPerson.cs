namespace Hub.Demo.City;

/// <summary>One resident of a generated household, current or removed, with what every system needs.</summary>
internal sealed class DemoPerson
{
    public required long Ordinal { get; init; }

    public required string Atena { get; init; }

    public required Sex Sex { get; init; }

    public required DateOnly BirthDate { get; set; }

    public required string Relationship { get; set; }

    public string JuminhyoCode { get; set; } = string.Empty;

    public string MyNumber { get; set; } = string.Empty;

    public bool IsForeign { get; init; }

    public string Nationality { get; init; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string NameKana { get; set; } = string.Empty;

    public string Alias { get; set; } = string.Empty;

    public string AliasKana { get; set; } = string.Empty;

    /// <summary>The birth date as the core system holds it (和暦, 西暦 or a 不詳 form).</summary>
    public string BirthDateText { get; set; } = string.Empty;

    /// <summary>Atena number of the head of the household at this record's last change.</summary>
    public string HeadAtena { get; set; } = string.Empty;

    public bool IsRemoved { get; set; }

    public string ChangeReason { get; set; } = string.Empty;

    public DateOnly? ChangeDate { get; set; }

    public DateOnly? NotifiedOn { get; set; }

    public string PreviousAddress { get; set; } = string.Empty;

    /// <summary>Day the person came into the city's registry (転入, 出生, 職権記載); null when before the event window.</summary>
    public DateOnly? EnteredOn { get; set; }

    /// <summary>Day of the 消除; null while current.</summary>
    public DateOnly? RemovedOn { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public Work Work { get; set; }

    /// <summary>給与収入 (gross), yen per year.</summary>
    public long SalaryGross { get; set; }

    /// <summary>公的年金等の収入 (gross), yen per year.</summary>
    public long PensionGross { get; set; }

    /// <summary>事業所得, yen per year.</summary>
    public long BusinessIncome { get; set; }

    /// <summary>その他の所得 (雑・不動産), yen per year.</summary>
    public long OtherIncome { get; set; }

    public int AgeAt(DateOnly day)
    {
        var age = day.Year - BirthDate.Year;
        return day < BirthDate.AddYears(age) ? age - 1 : age;
    }

    /// <summary>In the registry on <paramref name="day"/> (entered on or before it, not removed by then).</summary>
    public bool IsResidentOn(DateOnly day) =>
        BirthDate <= day && (EnteredOn is null || EnteredOn <= day) && (RemovedOn is null || RemovedOn > day);
}
