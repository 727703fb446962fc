using Hub.Adapters.Catalog;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.PushTargets;
using Hub.Api.Tests.LifeEvents;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Tests.PushTargets;

/// <summary>
/// The demo city's 介護保険 (a layout file) and 後期高齢者医療 (a sample adapter assembly) synced with the rest of the city,
/// per provider, checked against the files the generator wrote (<see cref="CityExports"/>), not against the hub: every row
/// of both exports is stored and none quarantined; the push definition late-elderly-uninsured selects exactly the residents
/// turning 75 next month with no 資格, and a 75-and-over criterion exactly those the 広域連合 has not registered; a DEATH
/// guide lists 介護保険 資格喪失 exactly for the residents with a valid 認定.
/// </summary>
public abstract class DemoKindsSpecification(GeneratedCities cities)
{
    private static readonly LifeEventRules Rules = new(LifeEventRuleReader.LoadDirectory(SchemaDirectory.Find("life-events"), FormIds.Required));

    private static readonly IReadOnlyDictionary<string, PushTargetDefinition> Definitions =
        PushTargetDefinitionReader.LoadDirectory(SchemaDirectory.Find("push-targets"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static DateOnly On => GeneratedCities.CityAsOf;

    [Theory]
    [MemberData(nameof(GeneratedCities.CityIndexes), MemberType = typeof(GeneratedCities))]
    public async Task DemoCity_SyncedEndToEnd_StoresBothNewKindsRowForRow_QuarantinesNothing(int city)
    {
        var exports = CityExports.Read(cities.Directories[city]);
        var runs = cities.Runs[city];

        Assert.All(runs, r => Assert.True(r.Quarantined == 0, $"{r.Source}: {r.Quarantined} quarantined"));
        Assert.Contains(runs, r => r.Source == "long-term-care");
        Assert.Contains(runs, r => r.Source == "late-elderly");
        await using var db = cities.Databases[city].CreateContext();
        Assert.Equal(exports.Certifications.Count, await db.GenericRecords.CountAsync(g => g.Kind == "longTermCare" && g.SupersededAt == null, Ct));
        Assert.Equal(exports.Qualifications.Count, await db.GenericRecords.CountAsync(g => g.Kind == "lateElderly" && g.SupersededAt == null, Ct));
        Assert.Equal(runs.Single(r => r.Source == "long-term-care").Read, exports.Certifications.Count);
        Assert.Equal(runs.Single(r => r.Source == "late-elderly").Read, exports.Qualifications.Count);
        Assert.NotEmpty(exports.Certifications);
        Assert.NotEmpty(exports.Qualifications);
    }

    [Theory]
    [MemberData(nameof(GeneratedCities.CityIndexes), MemberType = typeof(GeneratedCities))]
    public async Task LateElderlyUninsured_SelectsExactlyTheGeneratedResidentsTurning75NextMonthWithoutA資格(int city)
    {
        var exports = CityExports.Read(cities.Directories[city]);
        var nextMonth = new DateOnly(On.Year, On.Month, 1).AddMonths(1);
        var expected = exports.Living
            .Where(p => CityExports.Birthday(p.Value, 75) is var b && b >= nextMonth && b < nextMonth.AddMonths(1))
            .Where(p => !exports.InsuredOn(p.Key, On))
            .Select(p => p.Key)
            .Order(StringComparer.Ordinal)
            .ToList();

        var selected = await Selected(city, Definitions["late-elderly-uninsured"].Criteria, exports);

        Assert.Equal(expected, selected);
    }

    [Theory]
    [MemberData(nameof(GeneratedCities.CityIndexes), MemberType = typeof(GeneratedCities))]
    public async Task Aged75AndOverWithoutA資格_AreExactlyTheGeneratedUnregistered(int city)
    {
        var exports = CityExports.Read(cities.Directories[city]);
        var expected = exports.Living
            .Where(p => CityExports.Birthday(p.Value, 75) <= On && !exports.InsuredOn(p.Key, On))
            .Select(p => p.Key)
            .Order(StringComparer.Ordinal)
            .ToList();
        var criteria = PushTargetDefinitionReader.ParseCriteria("""{"all":[{"age":{"min":75,"uncertain":"exclude"}},{"not":{"record":{"kind":"lateElderly","active":true}}}]}""");

        var selected = await Selected(city, criteria, exports);

        Assert.NotEmpty(expected); // the generator leaves about 3 % of them unregistered
        Assert.Equal(expected, selected);
    }

    [Fact]
    public async Task LateElderlyUninsured_OnTheCitiesDay_SelectsSomeone()
    {
        var total = 0L;
        for (var city = 0; city < GeneratedCities.Shapes.Length; city++)
        {
            total += await new PushTargetQuery(cities.Databases[city].Factory, TimeProvider.System).CountAsync(Definitions["late-elderly-uninsured"].Criteria, On, Ct);
        }

        Assert.True(total > 0, "no resident of the generated cities turns 75 next month without a 資格");
    }

    [Theory]
    [MemberData(nameof(GeneratedCities.CityIndexes), MemberType = typeof(GeneratedCities))]
    public async Task DeathGuide_LongTermCareLoss_AppliesExactlyToTheGeneratedResidentsWithAValid認定(int city)
    {
        var exports = CityExports.Read(cities.Directories[city]);
        var certified = exports.Living.Keys.Where(a => exports.CertificationOn(a, On) is not null).Order(StringComparer.Ordinal).Take(30).ToList();
        var expired = exports.Certifications.Select(c => c.Atena).Distinct()
            .Where(a => exports.Living.ContainsKey(a) && exports.CertificationOn(a, On) is null).Order(StringComparer.Ordinal).Take(10).ToList();
        var none = exports.Living.Keys.Where(a => exports.Certifications.All(c => c.Atena != a)).Order(StringComparer.Ordinal).Take(10).ToList();
        Assert.NotEmpty(certified);
        var service = new LifeEventGuideService(cities.Databases[city].Factory, Rules, TimeProvider.System);

        foreach (var atena in certified)
        {
            var guide = await service.GuideAsync(LifeEventKind.Death, atena, On, _ => true, Ct);
            var loss = Assert.Single(guide!.Procedures, p => p.Id == "ltc-loss");
            Assert.Equal(LifeEventProcedureStatus.Applies, loss.Status);
            Assert.Equal("介護保険 資格喪失届（被保険者証の返還）", loss.Name);
            Assert.Contains($"（{exports.CertificationOn(atena, On)!.Value.Level}）", loss.Reason, StringComparison.Ordinal);
        }

        foreach (var atena in expired.Concat(none))
        {
            var guide = await service.GuideAsync(LifeEventKind.Death, atena, On, _ => true, Ct);
            Assert.DoesNotContain(guide!.Procedures, p => p.Id == "ltc-loss");
        }
    }

    // The residents a criterion selects on the city's day with a certain age, those of inexact birth dates left out.
    private async Task<List<string>> Selected(int city, Hub.Capabilities.PushTargets.Criteria.TargetCriterion criteria, CityExports exports)
    {
        var selected = new List<string>();
        await foreach (var row in new PushTargetQuery(cities.Databases[city].Factory, TimeProvider.System).StreamAsync(criteria, On, Ct))
        {
            if (!exports.Inexact.Contains(row.AtenaNumber))
            {
                selected.Add(row.AtenaNumber);
            }
        }

        return [.. selected.Order(StringComparer.Ordinal)];
    }
}

[Collection(nameof(SqliteCities))]
public sealed class SqliteDemoKindsTests(SqliteCities cities) : DemoKindsSpecification(cities);

[Collection(nameof(PostgreSqlCities))]
public sealed class PostgreSqlDemoKindsTests(PostgreSqlCities cities) : DemoKindsSpecification(cities);
