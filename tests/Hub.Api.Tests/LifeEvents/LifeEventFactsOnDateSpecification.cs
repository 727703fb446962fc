using Hub.Adapters.Catalog;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.PushTargets;
using Hub.Capabilities.PushTargets.Criteria;
using Hub.Api.Tests.PushTargets;
using Hub.Data.Entities;

namespace Hub.Api.Tests.LifeEvents;

/// <summary>
/// The facts life-event guidance computes on past, present and future event dates over generated cities, per
/// provider, against the in-memory snapshot's residents of that day (<see cref="CitySnapshot.IsResidentOn"/>): members
/// who left since and coverage that ended since count, later arrivals and births do not.
/// </summary>
public abstract class LifeEventFactsOnDateSpecification(GeneratedCities cities)
{
    private const int Sample = 60;

    private static readonly LifeEventRules Rules = new(LifeEventRuleReader.LoadDirectory(SchemaDirectory.Find("life-events"), FormIds.Required));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<int, string> Cases()
    {
        var data = new TheoryData<int, string>();
        foreach (var city in GeneratedCities.CityIndexes)
        {
            foreach (var on in new[] { "2023-10-01", "2025-02-28", "2026-04-01", "2027-01-20" })
            {
                data.Add(city, on);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Facts_OnEventDate_EqualTheResidentsAndCoverageOfThatDay(int city, string date)
    {
        var on = DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);
        await using var db = cities.Databases[city].CreateContext();
        var snapshot = await CitySnapshot.LoadAsync(db);
        var service = new LifeEventGuideService(cities.Databases[city].Factory, Rules, TimeProvider.System);
        var residents = snapshot.ResidentsOn(on).ToList();
        // Every 29th resident of the day, and every resident of the day who is no longer one today (left since).
        var subjects = residents.Where((_, i) => i % 29 == 0).Take(Sample).Concat(residents.Where(r => r.Status == "消除").Take(Sample)).ToList();
        Assert.NotEmpty(subjects);
        var active = snapshot.ActiveAllowances(on).ToList();
        var recipients = active.Select(e => e.RecipientAtenaNumber).ToHashSet();
        var fiscalYear = new FiscalYearReference(null, 0).On(on);
        foreach (var subject in subjects)
        {
            var guide = await service.GuideAsync(LifeEventKind.Marriage, subject.AtenaNumber, on, _ => true, Ct) ?? throw new InvalidOperationException(subject.AtenaNumber);
            var members = subject.HouseholdNumber is null ? [subject] : snapshot.MembersOf(subject, on).ToList();
            var tax = snapshot.Tax.Where(a => a.AtenaNumber == subject.AtenaNumber && a.FiscalYear <= fiscalYear).MaxBy(a => a.FiscalYear);
            var expected = new Dictionary<string, object?>
            {
                ["household.size"] = members.Count,
                ["household.childrenUnder18"] = members.Count(m => PossiblyUnder(m, 18, on)),
                ["household.childrenUnder6"] = members.Count(m => PossiblyUnder(m, 6, on)),
                ["household.nhiMembers"] = members.Count(m => snapshot.NhiOn(m.AtenaNumber, on)),
                ["household.childAllowanceRecipients"] = members.Count(m => recipients.Contains(m.AtenaNumber)),
                ["subject.nhiMember"] = snapshot.NhiOn(subject.AtenaNumber, on),
                ["subject.childAllowanceRecipient"] = recipients.Contains(subject.AtenaNumber),
                ["subject.childAllowanceCovered"] = active.Any(e => e.ChildAtenaNumber == subject.AtenaNumber),
                ["subject.hasSalaryIncome"] = tax is { SalaryIncome: > 0 },
            };
            foreach (var (fact, value) in expected)
            {
                Assert.True(Equals(value, guide.Facts[fact]), $"{subject.AtenaNumber} on {date}: {fact} = {guide.Facts[fact]}, the data of that day says {value}");
            }
        }
    }

    // As the rules count children: members who may be under the age on the day.
    private static bool PossiblyUnder(ResidentRecord m, int years, DateOnly on) =>
        (m.BirthDateLatest ?? m.BirthDateEarliest) is { } youngest && youngest <= on && AgeRules.AgeOn(youngest, on) < years;
}

[Collection(nameof(SqliteCities))]
public sealed class SqliteLifeEventFactsOnDateTests(SqliteCities cities) : LifeEventFactsOnDateSpecification(cities);

[Collection(nameof(PostgreSqlCities))]
public sealed class PostgreSqlLifeEventFactsOnDateTests(PostgreSqlCities cities) : LifeEventFactsOnDateSpecification(cities);
