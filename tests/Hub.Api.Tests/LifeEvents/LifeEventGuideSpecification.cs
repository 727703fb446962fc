using Hub.Adapters.Catalog;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.PushTargets;
using Hub.Api.Tests.PushTargets;
using Hub.Data.Entities;

namespace Hub.Api.Tests.LifeEvents;

/// <summary>
/// Guidance per event over the households of generated cities, per provider: each procedure appears exactly when
/// the household's data (re-read in memory here) says it applies, and is marked done exactly when the data shows it done.
/// </summary>
public abstract class LifeEventGuideSpecification(GeneratedCities cities)
{
    private const int Sample = 40;

    private static readonly LifeEventRules Rules = new(LifeEventRuleReader.LoadDirectory(SchemaDirectory.Find("life-events"), FormIds.Required));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    // These tests check the rules' meaning, every fact known; LifeEventDisclosureTests checks a task that may not read some.
    private static bool EveryField(string path) => true;

    [Theory]
    [MemberData(nameof(GeneratedCities.CityIndexes), MemberType = typeof(GeneratedCities))]
    public async Task Birth_Newborns_GetRegistrationAllowanceNhiAndCheckups(int city)
    {
        var (snapshot, service) = await Setup(city);
        var on = GeneratedCities.CityAsOf;
        var babies = snapshot.Living.Where(r => r.BirthDateEarliest > on.AddYears(-1) && r.BirthDateLatest <= on).Take(Sample).ToList();
        Assert.NotEmpty(babies);
        foreach (var baby in babies)
        {
            var guide = await Guide(service, LifeEventKind.Birth, baby, on);
            var household = snapshot.MembersOf(baby, on).ToList();
            var recipients = snapshot.ActiveAllowances(on).Select(e => e.RecipientAtenaNumber).ToHashSet();
            var covered = snapshot.ActiveAllowances(on).Any(e => e.ChildAtenaNumber == baby.AtenaNumber);
            Expect(guide, "birth-registration", true, snapshot.AllVersions.Any(v => v.AtenaNumber == baby.AtenaNumber && v.ChangeReason == "出生"));
            var anyRecipient = household.Any(m => recipients.Contains(m.AtenaNumber));
            Expect(guide, "child-allowance-application", !anyRecipient, covered);
            Expect(guide, "child-allowance-revision", anyRecipient, covered);
            Expect(guide, "nhi-enrolment", household.Any(m => snapshot.NhiOn(m.AtenaNumber, on)), snapshot.NhiOn(baby.AtenaNumber, on));
            Expect(guide, "child-medical-subsidy", true, false);
            Expect(guide, "infant-checkup", true, false);
            Assert.Equal("child-allowance-application", guide.Procedures.Single(p => p.Id.StartsWith("child-allowance", StringComparison.Ordinal)).FormId);
        }
    }

    [Theory]
    [MemberData(nameof(GeneratedCities.CityIndexes), MemberType = typeof(GeneratedCities))]
    public async Task Death_Deceased_GetNhiLossFuneralAllowanceAndHeadChange(int city)
    {
        var (snapshot, service) = await Setup(city);
        var deceased = snapshot.AllVersions.Where(r => r.SupersededAt == null && r.ValidTo != null && r.ChangeReason == "死亡" && r.ChangeDate != null).Take(Sample).ToList();
        Assert.NotEmpty(deceased);
        foreach (var person in deceased)
        {
            var on = person.ChangeDate!.Value;
            var guide = await Guide(service, LifeEventKind.Death, person, on);
            var remaining = snapshot.MembersOf(person, on).ToList();
            var nhi = snapshot.NhiOn(person.AtenaNumber, on);
            var recipients = snapshot.ActiveAllowances(on).Select(e => e.RecipientAtenaNumber).ToHashSet();
            var children = remaining.Count(m => Under(m, 18, on));
            Expect(guide, "death-registration", true, true);
            Expect(guide, "nhi-loss", nhi, false);
            Expect(guide, "head-of-household-change", person.Relationship == "世帯主" && remaining.Count >= 2, remaining.Any(m => m.Relationship == "世帯主"));
            Expect(guide, "child-allowance-recipient-change", recipients.Contains(person.AtenaNumber) && children >= 1, remaining.Any(m => recipients.Contains(m.AtenaNumber)));
            var age = ExactAge(person, on);
            Expect(guide, "funeral-expenses", nhi || age >= 75, false);
            Expect(guide, "late-elderly-loss", age >= 75, false);
        }
    }

    [Theory]
    [MemberData(nameof(GeneratedCities.CityIndexes), MemberType = typeof(GeneratedCities))]
    public async Task Death_AskedWithoutADate_IsAboutTheRegisteredDayOfDeath_WhereTheTaskMayReadIt(int city)
    {
        var (snapshot, _) = await Setup(city);
        // Asked long after: with today as the event date, 国保 would have ended and the age would have grown.
        var today = new DateTimeOffset(GeneratedCities.CityAsOf.AddYears(5).ToDateTime(new TimeOnly(10, 0)), TimeSpan.FromHours(9));
        var service = new LifeEventGuideService(cities.Databases[city].Factory, Rules, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(today));
        var deceased = snapshot.AllVersions.Where(r => r.SupersededAt == null && r.ValidTo != null && r.ChangeReason == "死亡" && r.ChangeDate != null).Take(Sample).ToList();
        Assert.Contains(deceased, p => snapshot.NhiOn(p.AtenaNumber, p.ChangeDate!.Value));
        foreach (var person in deceased)
        {
            var died = person.ChangeDate!.Value;
            var asked = await service.GuideAsync(LifeEventKind.Death, person.AtenaNumber, null, EveryField, Ct);
            var dated = await service.GuideAsync(LifeEventKind.Death, person.AtenaNumber, died, EveryField, Ct);

            Assert.Equal(died, asked!.On);
            Assert.Equal(dated!.Procedures.Select(p => (p.Id, p.Status, p.Reason)), asked.Procedures.Select(p => (p.Id, p.Status, p.Reason)));
            Expect(asked, "nhi-loss", snapshot.NhiOn(person.AtenaNumber, died), false);
            Assert.Contains("resident.changeDate", asked.Paths);

            // A task that may not read 異動日: the date the registry holds cannot choose the answer, which is about today.
            var withheld = await service.GuideAsync(LifeEventKind.Death, person.AtenaNumber, null, p => p != "resident.changeDate", Ct);
            Assert.Equal(DateOnly.FromDateTime(today.DateTime), withheld!.On);
            Assert.DoesNotContain("resident.changeDate", withheld.Paths);
        }
    }

    [Theory]
    [MemberData(nameof(GeneratedCities.CityIndexes), MemberType = typeof(GeneratedCities))]
    public async Task MoveIn_NewResidents_GetInsuranceByAgeAndChildProcedures(int city)
    {
        var (snapshot, service) = await Setup(city);
        var on = GeneratedCities.CityAsOf;
        var movers = snapshot.Living.Where(r => r.ChangeReason == "転入").Take(Sample).ToList();
        Assert.NotEmpty(movers);
        foreach (var mover in movers)
        {
            var guide = await Guide(service, LifeEventKind.MoveIn, mover, on);
            var household = snapshot.MembersOf(mover, on).ToList();
            var recipients = snapshot.ActiveAllowances(on).Select(e => e.RecipientAtenaNumber).ToHashSet();
            var age = ExactAge(mover, on);
            Expect(guide, "move-in-notification", true, true);
            Expect(guide, "nhi-enrolment", age <= 74, snapshot.NhiOn(mover.AtenaNumber, on));
            Expect(guide, "late-elderly-move-in", age >= 75, false);
            Expect(guide, "child-allowance-application", household.Any(m => Under(m, 18, on)), household.Any(m => recipients.Contains(m.AtenaNumber)));
            Expect(guide, "nursery-application", household.Any(m => Under(m, 6, on)), false);
            Assert.Equal("move-in-household-members", guide.Procedures.Single(p => p.Id == "move-in-notification").FormId);
        }
    }

    [Theory]
    [MemberData(nameof(GeneratedCities.CityIndexes), MemberType = typeof(GeneratedCities))]
    public async Task MoveOutAndWithin_Residents_GetLossOrAddressChanges(int city)
    {
        var (snapshot, service) = await Setup(city);
        var leavers = snapshot.AllVersions.Where(r => r.SupersededAt == null && r.ValidTo != null && r.ChangeReason == "転出" && r.ChangeDate != null).Take(Sample).ToList();
        Assert.NotEmpty(leavers);
        foreach (var leaver in leavers)
        {
            var on = leaver.ChangeDate!.Value;
            var guide = await Guide(service, LifeEventKind.MoveOut, leaver, on);
            var recipients = snapshot.ActiveAllowances(on).Select(e => e.RecipientAtenaNumber).ToHashSet();
            Expect(guide, "move-out-notification", true, true);
            Expect(guide, "nhi-loss", snapshot.NhiOn(leaver.AtenaNumber, on), false);
            Expect(guide, "child-allowance-end", recipients.Contains(leaver.AtenaNumber), false);
        }

        var movers = snapshot.Living.Where(r => r.ChangeReason == "転居").Take(Sample).ToList();
        Assert.NotEmpty(movers);
        foreach (var mover in movers)
        {
            var on = GeneratedCities.CityAsOf;
            var guide = await Guide(service, LifeEventKind.MoveWithin, mover, on);
            var household = snapshot.MembersOf(mover, on).ToList();
            var recipients = snapshot.ActiveAllowances(on).Select(e => e.RecipientAtenaNumber).ToHashSet();
            Expect(guide, "move-within-notification", true, false);
            Expect(guide, "nhi-address-change", household.Any(m => snapshot.NhiOn(m.AtenaNumber, on)), false);
            Expect(guide, "child-allowance-address-change", household.Any(m => recipients.Contains(m.AtenaNumber)), false);
        }
    }

    [Theory]
    [MemberData(nameof(GeneratedCities.CityIndexes), MemberType = typeof(GeneratedCities))]
    public async Task MarriageDivorceRetirement_Adults_FollowInsuranceTaxAndChildren(int city)
    {
        var (snapshot, service) = await Setup(city);
        var on = GeneratedCities.CityAsOf;
        var adults = snapshot.Living.Where(r => ExactAge(r, on) is >= 20 and <= 80).Where((_, i) => i % 17 == 0).Take(Sample).ToList();
        Assert.NotEmpty(adults);
        foreach (var adult in adults)
        {
            var household = snapshot.MembersOf(adult, on).ToList();
            var nhi = snapshot.NhiOn(adult.AtenaNumber, on);
            var age = ExactAge(adult, on);
            var children = household.Any(m => Under(m, 18, on));
            var recipients = snapshot.ActiveAllowances(on).Select(e => e.RecipientAtenaNumber).ToHashSet();

            var marriage = await Guide(service, LifeEventKind.Marriage, adult, on);
            Expect(marriage, "marriage-registration", true, false);
            Expect(marriage, "nhi-change", nhi, false);

            var divorce = await Guide(service, LifeEventKind.Divorce, adult, on);
            Expect(divorce, "child-support-allowance", children, false);
            Expect(divorce, "nhi-enrolment", !nhi && age <= 74, false);
            Expect(divorce, "child-allowance-recipient-change", children && !recipients.Contains(adult.AtenaNumber), household.Any(m => recipients.Contains(m.AtenaNumber)));

            var retirement = await Guide(service, LifeEventKind.Retirement, adult, on);
            var latestTax = snapshot.Tax.Where(a => a.AtenaNumber == adult.AtenaNumber).MaxBy(a => a.FiscalYear);
            Expect(retirement, "nhi-enrolment", !nhi && age <= 74, false);
            Expect(retirement, "resident-tax-ordinary-collection", latestTax is { SalaryIncome: > 0 }, false);
            Expect(retirement, "national-pension", age <= 59, false);
        }
    }

    [Fact]
    public async Task Guide_UnknownResident_IsNull()
    {
        var (_, service) = await Setup(0);
        Assert.Null(await service.GuideAsync(LifeEventKind.Birth, "999999999999999", GeneratedCities.CityAsOf, EveryField, Ct));
    }

    [Fact]
    public async Task Guide_Reason_NamesTheFactThatMadeItApply()
    {
        var (snapshot, service) = await Setup(1);
        var on = GeneratedCities.CityAsOf;
        var baby = snapshot.Living.First(r => r.BirthDateEarliest > on.AddYears(-1) && snapshot.MembersOf(r, on).Any(m => snapshot.NhiOn(m.AtenaNumber, on)));
        var guide = await Guide(service, LifeEventKind.Birth, baby, on);
        var count = snapshot.MembersOf(baby, on).Count(m => snapshot.NhiOn(m.AtenaNumber, on));
        Assert.Equal($"世帯に国民健康保険の被保険者が{count}人いるため", guide.Procedures.Single(p => p.Id == "nhi-enrolment").Reason);
    }

    [Theory]
    [MemberData(nameof(GeneratedCities.CityIndexes), MemberType = typeof(GeneratedCities))]
    public async Task Death_GenericFact_LongTermCareLossExactlyWhenACertificationIsValid_WithheldWhereTheTaskMayNotReadIt(int city)
    {
        var (snapshot, service) = await Setup(city);
        var on = GeneratedCities.CityAsOf;
        var care = snapshot.Records.Where(g => g.Kind == "longTermCare").Select(g => g.AtenaNumber).ToHashSet(StringComparer.Ordinal);
        // Residents with a certification (valid on the day or not) and residents with none.
        var people = snapshot.Living.Where(r => care.Contains(r.AtenaNumber)).Take(Sample).Concat(snapshot.Living.Where(r => !care.Contains(r.AtenaNumber)).Take(5)).ToList();
        var applied = 0;
        foreach (var person in people)
        {
            var guide = await Guide(service, LifeEventKind.Death, person, on);
            // The oracle reads the record's own 認定有効期間 (inclusive end), not the stored validity.
            var valid = snapshot.Records.Where(g => g.Kind == "longTermCare" && g.AtenaNumber == person.AtenaNumber)
                .Select(g => System.Text.Json.JsonDocument.Parse(g.Values).RootElement)
                .Where(v => DateOnly.Parse(v.GetProperty("validFrom").GetString()!, System.Globalization.CultureInfo.InvariantCulture) <= on
                    && (!v.TryGetProperty("validUntil", out var u) || on <= DateOnly.Parse(u.GetString()!, System.Globalization.CultureInfo.InvariantCulture)))
                .OrderByDescending(v => v.GetProperty("validFrom").GetString(), StringComparer.Ordinal)
                .FirstOrDefault();
            Expect(guide, "ltc-loss", valid.ValueKind != System.Text.Json.JsonValueKind.Undefined, false);
            if (valid.ValueKind != System.Text.Json.JsonValueKind.Undefined)
            {
                applied++;
                Assert.Contains($"（{valid.GetProperty("careLevel").GetString()}）", guide.Procedures.Single(p => p.Id == "ltc-loss").Reason, StringComparison.Ordinal);
                Assert.Contains("longTermCare.careLevel", guide.Paths);
            }

            // A task that may not read 要介護認定: to confirm, the reason reveals nothing, the paths are named as undecided.
            var withheld = await service.GuideAsync(LifeEventKind.Death, person.AtenaNumber, on, p => !p.StartsWith("longTermCare.", StringComparison.Ordinal), Ct);
            var procedure = withheld!.Procedures.Single(p => p.Id == "ltc-loss");
            Assert.Equal((LifeEventProcedureStatus.ToConfirm, LifeEventGuideService.ToConfirmReason), (procedure.Status, procedure.Reason));
            Assert.Contains("longTermCare.validFrom", procedure.UndecidedBy);
            Assert.DoesNotContain(withheld.Paths, p => p.StartsWith("longTermCare.", StringComparison.Ordinal));
        }

        Assert.True(applied > 0, "no resident of the sample has a valid certification");
    }

    private static void Expect(LifeEventGuide guide, string id, bool applies, bool done)
    {
        var procedure = guide.Procedures.SingleOrDefault(p => p.Id == id);
        Assert.True(applies == (procedure is not null), $"{guide.Event} {guide.AtenaNumber}: {id} {(applies ? "missing" : "should not apply")}");
        if (procedure is not null)
        {
            Assert.True(done == procedure.Done, $"{guide.Event} {guide.AtenaNumber}: {id} done={procedure.Done}, data says {done}");
        }
    }

    // Possibly under the age (the rules count such members so that no procedure is missed).
    private static bool Under(ResidentRecord m, int years, DateOnly on) =>
        (m.BirthDateLatest ?? m.BirthDateEarliest) is { } youngest && youngest <= on && AgeRules.AgeOn(youngest, on) < years;

    private static int? ExactAge(ResidentRecord r, DateOnly on) =>
        r.BirthDateEarliest is { } e && r.BirthDateLatest is { } l && AgeRules.AgeOn(e, on) == AgeRules.AgeOn(l, on) ? AgeRules.AgeOn(e, on) : null;

    private static async Task<LifeEventGuide> Guide(LifeEventGuideService service, LifeEventKind kind, ResidentRecord subject, DateOnly on) =>
        await service.GuideAsync(kind, subject.AtenaNumber, on, EveryField, Ct) ?? throw new InvalidOperationException($"{subject.AtenaNumber} not found");

    private async Task<(CitySnapshot, LifeEventGuideService)> Setup(int city)
    {
        await using var db = cities.Databases[city].CreateContext();
        return (await CitySnapshot.LoadAsync(db), new LifeEventGuideService(cities.Databases[city].Factory, Rules, TimeProvider.System));
    }
}

[Collection(nameof(SqliteCities))]
public sealed class SqliteLifeEventGuideTests(SqliteCities cities) : LifeEventGuideSpecification(cities);

[Collection(nameof(PostgreSqlCities))]
public sealed class PostgreSqlLifeEventGuideTests(PostgreSqlCities cities) : LifeEventGuideSpecification(cities);
