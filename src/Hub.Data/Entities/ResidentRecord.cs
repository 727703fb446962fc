namespace Hub.Data.Entities;

/// <summary>住民: one version of a resident as the resident registry (住民記録) holds them.</summary>
public sealed class ResidentRecord : TemporalRecord
{
    /// <summary>宛名番号.</summary>
    public string AtenaNumber { get; set; } = string.Empty;

    /// <summary>住民票コード.</summary>
    public string? JuminhyoCode { get; set; }

    /// <summary>個人番号 (specific personal information).</summary>
    public string? MyNumber { get; set; }

    /// <summary>住民種別: 日本人 / 外国人.</summary>
    public string ResidentKind { get; set; } = string.Empty;

    /// <summary>氏名, original characters exactly (IVS, 外字 in the Private Use Area).</summary>
    public string Name { get; set; } = string.Empty;

    /// <summary>Search key of <see cref="Name"/> (width and kana folded, IVS dropped).</summary>
    public string NameSearchKey { get; set; } = string.Empty;

    /// <summary>氏名カナ.</summary>
    public string? NameKana { get; set; }

    /// <summary>Search key of <see cref="NameKana"/>.</summary>
    public string? NameKanaSearchKey { get; set; }

    /// <summary>通称.</summary>
    public string? Alias { get; set; }

    /// <summary>Search key of <see cref="Alias"/> (通称, folded as <see cref="NameSearchKey"/> is).</summary>
    public string? AliasSearchKey { get; set; }

    /// <summary>通称カナ.</summary>
    public string? AliasKana { get; set; }

    /// <summary>国籍・地域.</summary>
    public string? Nationality { get; set; }

    /// <summary>性別: 男 / 女 / 不明.</summary>
    public string Sex { get; set; } = string.Empty;

    /// <summary>生年月日 exactly as the source gave it (和暦 or 西暦, 不詳 forms included).</summary>
    public string? BirthDateText { get; set; }

    /// <summary>Earliest calendar day the birth date can denote.</summary>
    public DateOnly? BirthDateEarliest { get; set; }

    /// <summary>Latest calendar day the birth date can denote.</summary>
    public DateOnly? BirthDateLatest { get; set; }

    /// <summary>Precision of the birth date (Day, Xun, Month, Year, ApproximateYear, Era, Unknown).</summary>
    public string? BirthDatePrecision { get; set; }

    /// <summary>False for a date that is not on the calendar, kept as given.</summary>
    public bool BirthDateOnCalendar { get; set; } = true;

    /// <summary>続柄 (relationship to the household head).</summary>
    public string? Relationship { get; set; }

    /// <summary>世帯番号.</summary>
    public string? HouseholdNumber { get; set; }

    /// <summary>郵便番号.</summary>
    public string? PostalCode { get; set; }

    /// <summary>町字コード.</summary>
    public string? AreaCode { get; set; }

    /// <summary>住所.</summary>
    public string? Address { get; set; }

    /// <summary>方書.</summary>
    public string? AddressSupplement { get; set; }

    /// <summary>住民状態: 住民 / 消除.</summary>
    public string Status { get; set; } = string.Empty;

    /// <summary>異動事由 of the last change.</summary>
    public string? ChangeReason { get; set; }

    /// <summary>異動日.</summary>
    public DateOnly? ChangeDate { get; set; }

    /// <summary>届出日.</summary>
    public DateOnly? NotifiedOn { get; set; }

    /// <summary>前住所 (for 転入).</summary>
    public string? PreviousAddress { get; set; }
}
