namespace Hub.Data.Entities;

/// <summary>世帯: one version of a household. Members are the residents carrying its number.</summary>
public sealed class HouseholdRecord : TemporalRecord
{
    /// <summary>世帯番号.</summary>
    public string HouseholdNumber { get; set; } = string.Empty;

    /// <summary>世帯主の宛名番号.</summary>
    public string? HeadAtenaNumber { get; set; }

    /// <summary>世帯主氏名.</summary>
    public string? HeadName { get; set; }

    /// <summary>郵便番号.</summary>
    public string? PostalCode { get; set; }

    /// <summary>町字コード.</summary>
    public string? AreaCode { get; set; }

    /// <summary>住所.</summary>
    public string? Address { get; set; }

    /// <summary>方書.</summary>
    public string? AddressSupplement { get; set; }
}
