using Hub.Capabilities.PushTargets;
using Hub.Capabilities.PushTargets.Criteria;
using Hub.Data;

namespace Hub.Api.Tests.PushTargets;

/// <summary>
/// Properties of push-type extraction over generated cities, per provider: every saved definition (and a set of
/// criteria that use every kind of condition) selects exactly what the in-memory oracle selects, uncertain
/// flags included; paging gives totalCount rows, none twice, the same as the stream.
/// </summary>
public abstract class PushTargetSpecification(GeneratedCities cities)
{
    /// <summary>
    /// Reference dates: the city's export day; two in 2027 around a 2月29日 birthday's 75th; and two in the city's past,
    /// when residents removed since still lived there, later arrivals and births had not come, and qualifications and
    /// entitlements closed since were held (2025-02-28: the day a 2月29日 birth of a common year is of uncertain age).
    /// </summary>
    public static readonly DateOnly[] Dates = [GeneratedCities.CityAsOf, new(2027, 1, 20), new(2027, 2, 10), new(2023, 10, 1), new(2025, 2, 28)];

    /// <summary>Criteria beyond the saved definitions, so that every condition kind, NOT and OR meet uncertainty.</summary>
    public static readonly string[] ExtraCriteria =
    [
        """{"all":[{"singleParent":{"uncertain":"separate"}},{"relationship":["世帯主"]}]}""",
        """{"any":[{"householdChildren":{"min":3,"uncertain":"include"}},{"householdSize":{"min":5}}]}""",
        """{"householdChildren":{"min":1,"max":2,"uncertain":"separate"}}""",
        """{"all":[{"nonTaxableHousehold":{"fiscalYear":"previous"}},{"age":{"min":65,"uncertain":"separate"}}]}""",
        """{"nonTaxableHousehold":{"fiscalYear":2025}}""",
        """{"all":[{"nhiMember":true},{"not":{"age":{"max":39,"uncertain":"separate"}}}]}""",
        """{"all":[{"movedInSince":{"daysBeforeAsOf":365}},{"childAllowanceRecipient":false},{"householdMemberAged":{"min":0,"max":5,"uncertain":"exclude"}}]}""",
        """{"any":[{"childAllowanceChild":true},{"region":{"postalCodes":["299-0011"]}}]}""",
        """{"not":{"any":[{"age":{"min":20,"max":89,"uncertain":"separate"}},{"householdSize":{"max":1}}]}}""",
        """{"turnsAge":{"age":75,"window":{"nextDays":60},"uncertain":"include"}}""",
        """{"all":[{"age":{"min":80,"uncertain":"separate"}},{"not":{"region":{"areaCodes":["0001001","0002001"]}}}]}""",
        """{"all":[{"childAllowanceRecipient":true},{"not":{"householdChildAllowance":true}}]}""",
        """{"elderlyLivingAlone":{"minAge":90,"uncertain":"separate"}}""",
        """{"birthInHousehold":{"since":"2025-10-01","uncertain":"include"}}""",
        """{"record":{"kind":"longTermCare","where":{"careLevel":{"in":["要介護3","要介護4","要介護5"]}}}}""",
        """{"all":[{"age":{"min":65,"uncertain":"exclude"}},{"not":{"record":{"kind":"lateElderly"}}}]}""",
        """{"any":[{"record":{"kind":"lateElderly","active":false}},{"record":{"kind":"longTermCare","where":{"careLevel":{"is":"要支援1"}}}}]}""",
    ];

    private static readonly IReadOnlyDictionary<string, PushTargetDefinition> Definitions =
        PushTargetDefinitionReader.LoadDirectory(Hub.Adapters.Catalog.SchemaDirectory.Find("push-targets"));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, int> DefinitionCases()
    {
        var data = new TheoryData<string, int>();
        foreach (var id in Definitions.Keys)
        {
            foreach (var city in GeneratedCities.CityIndexes)
            {
                data.Add(id, city);
            }
        }

        return data;
    }

    public static TheoryData<int, int> ExtraCases()
    {
        var data = new TheoryData<int, int>();
        for (var i = 0; i < ExtraCriteria.Length; i++)
        {
            data.Add(i, i % GeneratedCities.Shapes.Length);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DefinitionCases))]
    public async Task SavedDefinition_OnEveryDate_EqualsOracle(string id, int city)
    {
        var snapshot = await Snapshot(city);
        foreach (var date in Dates)
        {
            await AssertEqualsOracle(Definitions[id].Criteria, city, snapshot, date, id);
        }
    }

    [Theory]
    [MemberData(nameof(ExtraCases))]
    public async Task Criteria_EveryConditionKind_EqualsOracle(int index, int city)
    {
        var snapshot = await Snapshot(city);
        var criteria = PushTargetDefinitionReader.ParseCriteria(ExtraCriteria[index]);
        foreach (var date in Dates)
        {
            await AssertEqualsOracle(criteria, city, snapshot, date, ExtraCriteria[index]);
        }
    }

    [Fact]
    public async Task SavedDefinitions_OnCityDay_EachSelectsSomeone()
    {
        // Non-vacuity: on the city's export day every saved list is non-empty in some city.
        foreach (var (id, definition) in Definitions)
        {
            var total = 0;
            for (var city = 0; city < GeneratedCities.Shapes.Length; city++)
            {
                total += await Query(city).CountAsync(definition.Criteria, GeneratedCities.CityAsOf, Ct);
            }

            Assert.True(total > 0, $"{id} selects nobody in any generated city");
        }
    }

    [Fact]
    public async Task Criteria_UncertainBirthDates_AreFlaggedNotDropped()
    {
        // Everyone of 100 or more, 不詳 included: separate lists uncertain ones flagged, include lists them unflagged, exclude drops them.
        var separate = await Rows(0, """{"age":{"min":100,"uncertain":"separate"}}""");
        var include = await Rows(0, """{"age":{"min":100,"uncertain":"include"}}""");
        var exclude = await Rows(0, """{"age":{"min":100,"uncertain":"exclude"}}""");
        Assert.Contains(separate, r => r.AgeUncertain);
        Assert.Equal(include.Select(r => r.AtenaNumber).Order(), separate.Select(r => r.AtenaNumber).Order());
        Assert.Equal(exclude.Select(r => r.AtenaNumber).Order(), separate.Where(r => !r.AgeUncertain).Select(r => r.AtenaNumber).Order());
        Assert.DoesNotContain(include, r => r.AgeUncertain);
    }

    [Theory]
    [MemberData(nameof(DefinitionCases))]
    public async Task Pages_OfSavedDefinition_CoverTotalCountOnceEachAndEqualStream(string id, int city)
    {
        var query = Query(city);
        var criteria = Definitions[id].Criteria;
        var streamed = new List<PushTargetRow>();
        await foreach (var row in query.StreamAsync(criteria, GeneratedCities.CityAsOf, Ct))
        {
            streamed.Add(row);
        }

        foreach (var size in new[] { 1, 7, 50 })
        {
            var paged = new List<PushTargetRow>();
            string? after = null;
            int? total = null;
            while (true)
            {
                var page = await query.PageAsync(criteria, GeneratedCities.CityAsOf, size, after, Ct);
                total ??= page.TotalCount;
                Assert.Equal(total, page.TotalCount);
                Assert.True(page.Rows.Count <= size);
                paged.AddRange(page.Rows);
                if (!page.HasNextPage)
                {
                    break;
                }

                after = page.EndCursor;
            }

            Assert.Equal(total, paged.Count);
            Assert.Equal(paged.Count, paged.Select(r => r.AtenaNumber).Distinct().Count());
            Assert.Equal(streamed.Select(r => (r.AtenaNumber, r.AgeUncertain)), paged.Select(r => (r.AtenaNumber, r.AgeUncertain)));
        }
    }

    [Fact]
    public async Task Summary_CountsByAreaAndBand_SumToTotalAndSuppressSmallCells()
    {
        var criteria = PushTargetDefinitionReader.ParseCriteria("""{"age":{"min":0,"uncertain":"separate"}}""");
        var query = Query(2);
        var summary = await query.SummaryAsync(criteria, GeneratedCities.CityAsOf, cancellationToken: Ct);
        var snapshot = await Snapshot(2);
        var expected = snapshot.Living
            .GroupBy(r => (r.AreaCode, Band(r)))
            .ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(expected.Count, summary.Cells.Count);
        foreach (var cell in summary.Cells)
        {
            var count = expected[(cell.AreaCode, cell.AgeBand)];
            Assert.Equal(count < 10, cell.Suppressed);
            Assert.Equal(count < 10 ? null : count, cell.Count);
        }

        Assert.Contains(summary.Cells, c => c.Suppressed);
        Assert.Contains(summary.Cells, c => !c.Suppressed);

        static string Band(Hub.Data.Entities.ResidentRecord r)
        {
            if (r.BirthDateEarliest is not { } e || r.BirthDateLatest is not { } l)
            {
                return "不詳";
            }

            int Label(int age) => age < 15 ? 0 : age < 65 ? 1 : age < 75 ? 2 : 3;
            var (a, b) = (Label(AgeRules.AgeOn(e, GeneratedCities.CityAsOf)), Label(AgeRules.AgeOn(l, GeneratedCities.CityAsOf)));
            return a != b ? "不詳" : new[] { "0-14", "15-64", "65-74", "75+" }[a];
        }
    }

    [Fact]
    public async Task Page_WithoutAsOf_UsesTimeProviderDateInJapan()
    {
        // 2026-03-31T15:30Z is already 1 April in Japan.
        var clock = new FixedTime(new DateTimeOffset(2026, 3, 31, 15, 30, 0, TimeSpan.Zero));
        var query = new PushTargetQuery(cities.Databases[0].Factory, clock);
        var criteria = Definitions["newborn-households"].Criteria;
        Assert.Equal(new DateOnly(2026, 4, 1), query.Today);
        Assert.Equal(await query.CountAsync(criteria, GeneratedCities.CityAsOf, Ct), (await query.PageAsync(criteria, null, 10, null, Ct)).TotalCount);
    }

    [Fact]
    public async Task Page_WithForeignCursor_Throws()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Query(0).PageAsync(new AgeCriterion(0, 2, UncertainAges.Include), null, 10, "bm90LWEtY3Vyc29y", Ct));
    }

    private PushTargetQuery Query(int city) => new(cities.Databases[city].Factory, TimeProvider.System);

    private async Task<List<PushTargetRow>> Rows(int city, string json)
    {
        var rows = new List<PushTargetRow>();
        await foreach (var row in Query(city).StreamAsync(PushTargetDefinitionReader.ParseCriteria(json), GeneratedCities.CityAsOf, Ct))
        {
            rows.Add(row);
        }

        return rows;
    }

    private async Task<CitySnapshot> Snapshot(int city)
    {
        await using HubDbContext db = cities.Databases[city].CreateContext();
        return await CitySnapshot.LoadAsync(db);
    }

    private async Task AssertEqualsOracle(TargetCriterion criteria, int city, CitySnapshot snapshot, DateOnly date, string label)
    {
        var expected = new TargetOracle(snapshot, date).Select(criteria);
        var actual = new Dictionary<string, bool>();
        await foreach (var row in Query(city).StreamAsync(criteria, date, Ct))
        {
            Assert.True(actual.TryAdd(row.AtenaNumber, row.AgeUncertain), $"{label}: {row.AtenaNumber} twice");
        }

        var missing = expected.Keys.Except(actual.Keys).Take(5).ToList();
        var extra = actual.Keys.Except(expected.Keys).Take(5).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0, $"{label} on {date:yyyy-MM-dd}, city {city}: SQL misses [{string.Join(", ", missing)}], adds [{string.Join(", ", extra)}]");
        foreach (var (atena, uncertain) in expected)
        {
            Assert.True(actual[atena] == uncertain, $"{label} on {date:yyyy-MM-dd}: {atena} uncertain flag {actual[atena]}, oracle {uncertain}");
        }

        Assert.Equal(expected.Count, await Query(city).CountAsync(criteria, date, Ct));
    }
}

[Collection(nameof(SqliteCities))]
public sealed class SqlitePushTargetTests(SqliteCities cities) : PushTargetSpecification(cities);

[Collection(nameof(PostgreSqlCities))]
public sealed class PostgreSqlPushTargetTests(PostgreSqlCities cities) : PushTargetSpecification(cities);
