using Hub.Data;
using Hub.Data.Entities;

namespace Hub.Api.Tests.GraphQL;

/// <summary>
/// A household whose head has a value in every catalog field (so an allowed field is never null), with a tax assessment,
/// an NHI qualification and a child allowance entitlement for the child; written beside <c>CitySeed</c>.
/// </summary>
internal static class RelatedSeed
{
    public const string Household = "300000";
    public const string Head = "300001";
    public const string Child = "300002";
    public const string HeadMyNumber = "987654321093";

    private static readonly DateTime At = new(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc);

    public static async Task WriteAsync(HubDbContext db)
    {
        db.Households.Add(Stamp(new HouseholdRecord
        {
            HouseholdNumber = Household, HeadAtenaNumber = Head, HeadName = "佐藤 健", PostalCode = "0600002", AreaCode = "0010002",
            Address = "札幌市中央区北2条西1丁目1番地", AddressSupplement = "北2ビル 201",
        }, Household));
        db.Residents.AddRange(
            Stamp(new ResidentRecord
            {
                AtenaNumber = Head, JuminhyoCode = "12345600001", MyNumber = HeadMyNumber, ResidentKind = "外国人", Name = "佐藤 健", NameSearchKey = "佐藤健",
                NameKana = "サトウ ケン", NameKanaSearchKey = "サトウケン", Alias = "佐藤 健", AliasSearchKey = "佐藤健", AliasKana = "サトウ ケン", Nationality = "ブラジル", Sex = "男",
                BirthDateText = "1985-06-15", BirthDateEarliest = new DateOnly(1985, 6, 15), BirthDateLatest = new DateOnly(1985, 6, 15), BirthDatePrecision = "Day",
                Relationship = "世帯主", HouseholdNumber = Household, PostalCode = "0600002", AreaCode = "0010002", Address = "札幌市中央区北2条西1丁目1番地",
                AddressSupplement = "北2ビル 201", Status = "住民", ChangeReason = "転入", ChangeDate = new DateOnly(2021, 4, 1), NotifiedOn = new DateOnly(2021, 4, 2),
                PreviousAddress = "旭川市1条通1丁目",
            }, Head),
            Stamp(new ResidentRecord
            {
                AtenaNumber = Child, MyNumber = "111122223333", ResidentKind = "日本人", Name = "佐藤 陽", NameSearchKey = "佐藤陽", NameKana = "サトウ ヒナタ",
                NameKanaSearchKey = "サトウヒナタ", Sex = "女", BirthDateText = "令和2年2月30日", BirthDatePrecision = "Day", BirthDateOnCalendar = false,
                Relationship = "子", HouseholdNumber = Household, Address = "札幌市中央区北2条西1丁目1番地", Status = "住民",
            }, Child));
        db.TaxAssessments.Add(Stamp(new TaxAssessmentRecord
        {
            AtenaNumber = Head, FiscalYear = 2024, TotalIncome = 4_200_000, TaxableIncome = 3_100_000, SalaryIncome = 4_000_000, PensionIncome = 0,
            BusinessIncome = 100_000, OtherIncome = 100_000, PerCapitaLevy = 5_000, IncomeLevy = 310_000, NonTaxable = false, Dependents = 1,
        }, "tax-" + Head));
        db.NhiQualifications.Add(Stamp(new NhiQualificationRecord
        {
            AtenaNumber = Head, HouseholdNumber = Household, InsuredSymbol = "札01", InsuredNumber = "123456", AcquiredOn = new DateOnly(2021, 4, 1),
            LostOn = new DateOnly(2030, 3, 31), AcquisitionReason = "転入", LossReason = "予定",
        }, "nhi-" + Head, "nhi"));
        db.ChildAllowanceEntitlements.Add(Stamp(new ChildAllowanceEntitlementRecord
        {
            EntitlementId = "CA-1", RecipientAtenaNumber = Head, ChildAtenaNumber = Child, CertifiedOn = new DateOnly(2020, 3, 1),
            EndedOn = new DateOnly(2035, 3, 31), MonthlyAmount = 15_000, Status = "支給中",
        }, "ca-1", "child-allowance"));
        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The head's records of the kinds declared as data (要介護認定, 後期高齢者医療 資格, 在留資格等), every field filled, written through the
    /// sync writer as a source would.
    /// </summary>
    public static async Task WriteKindsAsync(Hub.Data.Providers.HubDbContextFactory factory)
    {
        var catalog = Hub.Adapters.Catalog.FieldCatalog.LoadDefault();
        await Support.GenericSeed.WriteAsync(factory, catalog, "long-term-care", [
            Support.GenericSeed.Record(catalog, "longTermCare", new()
            {
                ["atenaNumber"] = Head, ["insuredNumber"] = "0001234567", ["careLevel"] = "要介護2", ["validFrom"] = new DateOnly(2025, 4, 1),
                ["validUntil"] = new DateOnly(2027, 3, 31), ["certifiedOn"] = new DateOnly(2025, 3, 20),
            }),
        ]);
        await Support.GenericSeed.WriteAsync(factory, catalog, "late-elderly", [
            Support.GenericSeed.Record(catalog, "lateElderly", new()
            {
                ["atenaNumber"] = Head, ["insuredNumber"] = "12345678", ["acquiredOn"] = new DateOnly(2020, 6, 15), ["lostOn"] = new DateOnly(2040, 1, 1),
            }),
        ]);
        // The head is a foreign resident: their 在留資格 as the registry's export of 外国人住民 items gives it.
        await Support.GenericSeed.WriteAsync(factory, catalog, "residence-status", [
            Support.GenericSeed.Record(catalog, "residenceStatus", new()
            {
                ["atenaNumber"] = Head, ["cardNumber"] = "AB12345678CD", ["status"] = "定住者", ["period"] = "3年", ["permittedOn"] = new DateOnly(2025, 4, 1),
                ["expiresOn"] = new DateOnly(2028, 3, 31), ["section"] = "中長期在留者",
            }),
        ]);
    }

    private static T Stamp<T>(T record, string key, string source = "resident-registry")
        where T : TemporalRecord
    {
        record.SourceSystem = source;
        record.SourceKey = key;
        record.SourceTimestamp = At;
        record.IngestedAt = At;
        record.ValidFrom = At;
        record.RecordedAt = At;
        record.ContentHash = "h" + key;
        return record;
    }
}
