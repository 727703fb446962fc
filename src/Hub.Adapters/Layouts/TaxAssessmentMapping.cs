using Hub.Adapters.Domain.Identifiers;
using Hub.Adapters.Records;
using Hub.Adapters.Sdk;

namespace Hub.Adapters.Layouts;

/// <summary>Layout fields → <see cref="CanonicalTaxAssessment"/>.</summary>
internal sealed class TaxAssessmentMapping : RecordMapping
{
    public override Type RecordType => typeof(CanonicalTaxAssessment);

    public override IReadOnlyDictionary<string, FieldKind> Fields { get; } = new Dictionary<string, FieldKind>(StringComparer.Ordinal)
    {
        ["atenaNumber"] = FieldKind.Atena,
        ["myNumber"] = FieldKind.MyNumber,
        ["fiscalYear"] = FieldKind.Int,
        ["totalIncome"] = FieldKind.Long,
        ["taxableIncome"] = FieldKind.Long,
        ["salaryIncome"] = FieldKind.Long,
        ["pensionIncome"] = FieldKind.Long,
        ["businessIncome"] = FieldKind.Long,
        ["otherIncome"] = FieldKind.Long,
        ["perCapitaLevy"] = FieldKind.Long,
        ["incomeLevy"] = FieldKind.Long,
        ["nonTaxable"] = FieldKind.Bool,
        ["dependents"] = FieldKind.Int,
        ["sourceTimestamp"] = FieldKind.Timestamp,
    };

    public override IReadOnlyList<string> Required { get; } = ["atenaNumber", "fiscalYear", "nonTaxable", "sourceTimestamp"];

    public override CanonicalRecord Build(FieldValues v) => new CanonicalTaxAssessment
    {
        AtenaNumber = v.Required<AtenaNumber>("atenaNumber"),
        MyNumber = v.Value<MyNumber>("myNumber"),
        FiscalYear = v.Required<int>("fiscalYear"),
        TotalIncome = v.Value<long>("totalIncome"),
        TaxableIncome = v.Value<long>("taxableIncome"),
        SalaryIncome = v.Value<long>("salaryIncome"),
        PensionIncome = v.Value<long>("pensionIncome"),
        BusinessIncome = v.Value<long>("businessIncome"),
        OtherIncome = v.Value<long>("otherIncome"),
        PerCapitaLevy = v.Value<long>("perCapitaLevy"),
        IncomeLevy = v.Value<long>("incomeLevy"),
        NonTaxable = v.Required<bool>("nonTaxable"),
        Dependents = v.Value<int>("dependents"),
        SourceTimestamp = v.Required<DateTimeOffset>("sourceTimestamp"),
    };
}
