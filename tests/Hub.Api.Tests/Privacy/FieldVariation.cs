using Hub.Adapters.Domain.Identifiers;
using Hub.Adapters.Domain.Text;
using Hub.Data.Entities;

namespace Hub.Api.Tests.Privacy;

/// <summary>Which row of the target household a variation changes.</summary>
internal enum VariedRow
{
    /// <summary>The subject resident's latest version.</summary>
    Subject,

    /// <summary>Another living member's latest version.</summary>
    Member,

    /// <summary>The subject's assessment of the latest fiscal year.</summary>
    Tax,

    /// <summary>The subject's 国保 qualification.</summary>
    Nhi,

    /// <summary>A 児童手当 entitlement the subject receives.</summary>
    Allowance,

    /// <summary>The subject's household.</summary>
    Household,
}

/// <summary>
/// One field of one row given two values, A and B, so that a pair of cities differs in that field only. The closure is
/// the catalog paths whose values change with it (a resident's 世帯番号 changes which household, and so every
/// household.* value, a 消除 changes the household's members): an output may vary only where the caller's task is
/// allowed some path of the closure.
/// </summary>
/// <param name="Path">The catalog path varied.</param>
/// <param name="Row">Which row.</param>
/// <param name="Set">Sets variant A (false) or B (true) on the row's entity; the city gives some values (<see cref="CityValues"/>).</param>
/// <param name="AlsoVaries">Paths whose values change with it.</param>
internal sealed record FieldVariation(string Path, VariedRow Row, Action<object, bool, CityValues> Set, params string[] AlsoVaries)
{
    public IReadOnlyList<string> Closure => [Path, .. AlsoVaries];

    public override string ToString() => $"{Path} of the {Row.ToString().ToLowerInvariant()}";

    private static readonly string[] HouseholdPaths =
        ["household.householdNumber", "household.headAtenaNumber", "household.headName", "household.postalCode", "household.areaCode", "household.address", "household.addressSupplement", "household.members"];

    /// <summary>Every variation the non-interference test runs.</summary>
    public static IReadOnlyList<FieldVariation> All { get; } =
    [
        Resident("resident.name", (r, b, _) => { r.Name = b ? "検証　花子" : "試験　一郎"; r.NameSearchKey = SearchKey.Normalize(r.Name); }),
        Resident("resident.nameKana", (r, b, _) => { r.NameKana = b ? "ケンショウ　ハナコ" : "シケン　イチロウ"; r.NameKanaSearchKey = SearchKey.Normalize(r.NameKana); }),
        Resident("resident.alias", (r, b, _) => { r.Alias = b ? "ジョン・スミス" : null; r.AliasSearchKey = SearchKey.Normalize(r.Alias) is { Length: > 0 } k ? k : null; }),
        Resident("resident.aliasKana", (r, b, _) => r.AliasKana = b ? "ジョン・スミス" : null),
        Resident("resident.nationality", (r, b, _) => r.Nationality = b ? "アメリカ合衆国" : null),
        Resident("resident.residentKind", (r, b, v) => r.ResidentKind = v.Other(v.ResidentKinds, b)),
        Resident("resident.sex", (r, b, v) => r.Sex = v.Other(v.Sexes, b)),
        Resident("resident.birthDate", (r, b, _) => SetBirth(r, b)),
        Resident("resident.relationship", (r, b, v) => r.Relationship = v.Other(v.Relationships, b)),
        Resident("resident.areaCode", (r, b, v) => r.AreaCode = v.Other(v.AreaCodes, b)),
        Resident("resident.postalCode", (r, b, v) => r.PostalCode = v.Other(v.PostalCodes, b)),
        Resident("resident.address", (r, b, _) => r.Address = b ? "神奈川県みなと市緑町一丁目1-1" : "神奈川県みなと市港町三丁目3-3"),
        Resident("resident.addressSupplement", (r, b, _) => r.AddressSupplement = b ? "みなとハイツ101" : null),
        Resident("resident.changeReason", (r, b, _) => r.ChangeReason = b ? "転居" : "転入"),
        Resident("resident.changeDate", (r, b, _) => r.ChangeDate = b ? new DateOnly(2023, 1, 10) : new DateOnly(2026, 3, 20)),
        Resident("resident.notifiedOn", (r, b, _) => r.NotifiedOn = b ? new DateOnly(2023, 1, 12) : new DateOnly(2026, 3, 22)),
        Resident("resident.previousAddress", (r, b, _) => r.PreviousAddress = b ? "東京都千代田区千代田1-1" : null),
        Resident("resident.juminhyoCode", (r, b, _) => r.JuminhyoCode = b ? "12345678901" : "10987654321"),
        Resident("resident.myNumber", (r, b, _) => r.MyNumber = b ? ValidMyNumber("12345678901") : ValidMyNumber("98765432109")),
        Resident("resident.status", (r, b, _) => SetRemoved(r, b), "household.members"),
        Resident("resident.householdNumber", (r, b, v) => r.HouseholdNumber = b ? v.OtherHousehold : v.OwnHousehold, HouseholdPaths),
        Member("resident.birthDate", (r, b, _) => SetBirth(r, b)),
        Member("resident.relationship", (r, b, v) => r.Relationship = v.Other(v.Relationships, b)),
        Member("resident.status", (r, b, _) => SetRemoved(r, b), "household.members"),
        Tax("tax.salaryIncome", (t, b) => t.SalaryIncome = b ? 4_200_000 : 0),
        Tax("tax.taxableIncome", (t, b) => t.TaxableIncome = b ? 3_100_000 : 0),
        Tax("tax.totalIncome", (t, b) => t.TotalIncome = b ? 4_400_000 : 0),
        Tax("tax.incomeLevy", (t, b) => t.IncomeLevy = b ? 186_000 : 0),
        Tax("tax.perCapitaLevy", (t, b) => t.PerCapitaLevy = b ? 5_000 : 0),
        Tax("tax.nonTaxable", (t, b) => t.NonTaxable = b),
        Tax("tax.dependents", (t, b) => t.Dependents = b ? 3 : 0),
        Tax("tax.fiscalYear", (t, b) => t.FiscalYear = b ? 2015 : 2025),
        Nhi("nhi.acquiredOn", (n, b) => n.AcquiredOn = b ? new DateOnly(2026, 9, 1) : new DateOnly(2020, 4, 1)),
        Nhi("nhi.lostOn", (n, b) => n.LostOn = b ? new DateOnly(2025, 1, 1) : null),
        Nhi("nhi.insuredNumber", (n, b) => n.InsuredNumber = b ? "99999" : "11111"),
        Nhi("nhi.insuredSymbol", (n, b) => n.InsuredSymbol = b ? "記号九" : "記号一"),
        Nhi("nhi.acquisitionReason", (n, b) => n.AcquisitionReason = b ? "社保離脱" : "転入"),
        Allowance("childAllowance.endedOn", (e, b) => e.EndedOn = b ? new DateOnly(2025, 3, 31) : null),
        Allowance("childAllowance.certifiedOn", (e, b) => e.CertifiedOn = b ? new DateOnly(2026, 9, 1) : new DateOnly(2024, 1, 1)),
        Allowance("childAllowance.monthlyAmount", (e, b) => e.MonthlyAmount = b ? 15_000 : 10_000),
        Allowance("childAllowance.status", (e, b) => e.Status = b ? "支給停止" : "支給中"),
        Household("household.headName", (h, b) => h.HeadName = b ? "検証　花子" : "試験　一郎"),
        Household("household.address", (h, b) => h.Address = b ? "神奈川県みなと市緑町一丁目1-1" : "神奈川県みなと市港町三丁目3-3"),
        Household("household.postalCode", (h, b) => h.PostalCode = b ? "299-0099" : "299-0001"),
    ];

    private static FieldVariation Resident(string path, Action<ResidentRecord, bool, CityValues> set, params string[] also) =>
        new(path, VariedRow.Subject, (o, b, v) => set((ResidentRecord)o, b, v), also);

    private static FieldVariation Member(string path, Action<ResidentRecord, bool, CityValues> set, params string[] also) =>
        new(path, VariedRow.Member, (o, b, v) => set((ResidentRecord)o, b, v), also);

    private static FieldVariation Tax(string path, Action<TaxAssessmentRecord, bool> set) => new(path, VariedRow.Tax, (o, b, _) => set((TaxAssessmentRecord)o, b));

    private static FieldVariation Nhi(string path, Action<NhiQualificationRecord, bool> set) => new(path, VariedRow.Nhi, (o, b, _) => set((NhiQualificationRecord)o, b));

    private static FieldVariation Allowance(string path, Action<ChildAllowanceEntitlementRecord, bool> set) =>
        new(path, VariedRow.Allowance, (o, b, _) => set((ChildAllowanceEntitlementRecord)o, b));

    private static FieldVariation Household(string path, Action<HouseholdRecord, bool> set) => new(path, VariedRow.Household, (o, b, _) => set((HouseholdRecord)o, b));

    // A one-year-old or a 76-year-old on the city's day (2026-04-01): every age rule, band and count sees the difference.
    private static void SetBirth(ResidentRecord r, bool b)
    {
        var day = b ? new DateOnly(1950, 1, 15) : new DateOnly(2025, 6, 1);
        r.BirthDateText = b ? "昭和25年1月15日" : "令和7年6月1日";
        r.BirthDateEarliest = day;
        r.BirthDateLatest = day;
        r.BirthDatePrecision = "Day";
        r.BirthDateOnCalendar = true;
    }

    // A 消除 (death) before the city's day, or living: the status and the validity change together, as a sync writes them.
    private static void SetRemoved(ResidentRecord r, bool b)
    {
        r.Status = b ? "消除" : "住民";
        r.ValidTo = b ? new DateTime(2026, 2, 28, 15, 0, 0, DateTimeKind.Utc) : null;
    }

    private static string ValidMyNumber(string eleven) =>
        eleven + MyNumber.ComputeCheckDigit(eleven).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
