using Hub.Adapters.Records;
using Hub.Data.Entities;

namespace Hub.Sync.Writing;

/// <summary>Canonical tax, NHI and child allowance records → stored versions (explicit code, every member mapped).</summary>
internal static class QualificationMappings
{
    public static TaxAssessmentRecord ToRecord(CanonicalTaxAssessment t, RunStamp stamp)
    {
        var r = Provenance.Stamp(new TaxAssessmentRecord
        {
            AtenaNumber = t.AtenaNumber.Value,
            FiscalYear = t.FiscalYear,
            TotalIncome = t.TotalIncome,
            TaxableIncome = t.TaxableIncome,
            SalaryIncome = t.SalaryIncome,
            PensionIncome = t.PensionIncome,
            BusinessIncome = t.BusinessIncome,
            OtherIncome = t.OtherIncome,
            PerCapitaLevy = t.PerCapitaLevy,
            IncomeLevy = t.IncomeLevy,
            NonTaxable = t.NonTaxable,
            Dependents = t.Dependents,
        }, t.SourceKey, t.SourceTimestamp, stamp);
        // A fiscal year's assessment holds from April 1 of that year (地方税の賦課期日は1月1日, 年度は4月1日から).
        r.ValidFrom = Provenance.StartOfDayJst(new DateOnly(t.FiscalYear, 4, 1));
        r.ContentHash = ContentHash.Begin().Add(r.AtenaNumber).Add(r.FiscalYear).Add(r.TotalIncome).Add(r.TaxableIncome).Add(r.SalaryIncome).Add(r.PensionIncome).Add(r.BusinessIncome).Add(r.OtherIncome).Add(r.PerCapitaLevy).Add(r.IncomeLevy).Add(r.NonTaxable).Add(r.Dependents).Finish();
        return r;
    }

    public static NhiQualificationRecord ToRecord(CanonicalNhiQualification q, RunStamp stamp)
    {
        var r = Provenance.Stamp(new NhiQualificationRecord
        {
            AtenaNumber = q.AtenaNumber.Value,
            HouseholdNumber = q.HouseholdNumber?.Value,
            InsuredSymbol = q.InsuredSymbol,
            InsuredNumber = q.InsuredNumber,
            AcquiredOn = q.AcquiredOn,
            LostOn = q.LostOn,
            AcquisitionReason = q.AcquisitionReason,
            LossReason = q.LossReason,
        }, q.SourceKey, q.SourceTimestamp, stamp);
        r.ValidFrom = q.AcquiredOn is { } from ? Provenance.StartOfDayJst(from) : q.SourceTimestamp.UtcDateTime;
        r.ValidTo = q.LostOn is { } to ? Provenance.StartOfDayJst(to) : null;
        r.ContentHash = ContentHash.Begin().Add(r.AtenaNumber).Add(r.HouseholdNumber).Add(r.InsuredSymbol).Add(r.InsuredNumber).Add(r.AcquiredOn).Add(r.LostOn).Add(r.AcquisitionReason).Add(r.LossReason).Finish();
        return r;
    }

    public static ChildAllowanceEntitlementRecord ToRecord(CanonicalChildAllowanceEntitlement c, RunStamp stamp)
    {
        var r = Provenance.Stamp(new ChildAllowanceEntitlementRecord
        {
            EntitlementId = c.EntitlementId,
            RecipientAtenaNumber = c.RecipientAtenaNumber.Value,
            ChildAtenaNumber = c.ChildAtenaNumber.Value,
            CertifiedOn = c.CertifiedOn,
            EndedOn = c.EndedOn,
            MonthlyAmount = c.MonthlyAmount,
            Status = c.Status,
        }, c.SourceKey, c.SourceTimestamp, stamp);
        r.ValidFrom = c.CertifiedOn is { } from ? Provenance.StartOfDayJst(from) : c.SourceTimestamp.UtcDateTime;
        r.ValidTo = c.EndedOn is { } to ? Provenance.StartOfDayJst(to) : null;
        r.ContentHash = ContentHash.Begin().Add(r.EntitlementId).Add(r.RecipientAtenaNumber).Add(r.ChildAtenaNumber).Add(r.CertifiedOn).Add(r.EndedOn).Add(r.MonthlyAmount).Add(r.Status).Finish();
        return r;
    }
}
