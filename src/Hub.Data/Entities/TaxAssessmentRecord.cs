namespace Hub.Data.Entities;

/// <summary>個人住民税 課税: one version of a resident's assessment for one fiscal year (課税年度).</summary>
public sealed class TaxAssessmentRecord : TemporalRecord
{
    /// <summary>宛名番号.</summary>
    public string AtenaNumber { get; set; } = string.Empty;

    /// <summary>課税年度.</summary>
    public int FiscalYear { get; set; }

    /// <summary>総所得金額等 (yen).</summary>
    public long? TotalIncome { get; set; }

    /// <summary>課税標準額 (yen).</summary>
    public long? TaxableIncome { get; set; }

    /// <summary>給与所得 (yen).</summary>
    public long? SalaryIncome { get; set; }

    /// <summary>公的年金等に係る雑所得 (yen).</summary>
    public long? PensionIncome { get; set; }

    /// <summary>営業等所得 (yen).</summary>
    public long? BusinessIncome { get; set; }

    /// <summary>その他の所得 (yen).</summary>
    public long? OtherIncome { get; set; }

    /// <summary>均等割額 (yen).</summary>
    public long? PerCapitaLevy { get; set; }

    /// <summary>所得割額 (yen).</summary>
    public long? IncomeLevy { get; set; }

    /// <summary>非課税.</summary>
    public bool NonTaxable { get; set; }

    /// <summary>扶養親族数.</summary>
    public int? Dependents { get; set; }
}
