using Hub.Adapters.Catalog;
using Hub.Capabilities.LifeEvents;
using Hub.Capabilities.PushTargets;
using Hub.Api.Tests.LifeEvents;
using static Hub.Api.Tests.PushTargets.AsOfCity;

namespace Hub.Api.Tests.PushTargets;

/// <summary>
/// "As of" answers on past, present and future reference dates over <see cref="AsOfCity"/>, per provider: who was a
/// resident, a member of a household, a child, an NHI member or covered by child allowance on the day — coverage and
/// residence that ended after the day count, arrivals and births after it do not — and how a birth date that is not on
/// the calendar (昭和26年2月29日 = 1951-02-28 or 1951-03-01) ages.
/// </summary>
public abstract class AsOfSpecification(AsOfCity city)
{
    private static readonly DateOnly Early = new(2024, 1, 1);
    private static readonly DateOnly Past = new(2025, 6, 1);
    private static readonly DateOnly Today = new(2026, 4, 1);
    private static readonly DateOnly Future = new(2026, 7, 1);

    private static readonly LifeEventRules Rules = new(LifeEventRuleReader.LoadDirectory(SchemaDirectory.Find("life-events"), FormIds.Required));

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string, int[]> Selections() => new()
    {
        // Residents on the day: later arrivals (E 2025-12-01) and births (C, Z) are not yet, leavers (D, X; F after 2026-06-30) still are.
        { "2024-01-01", """{"age":{"min":0,"uncertain":"include"}}""", [A, B, D, F, G, W, X, Y] },
        { "2025-06-01", """{"age":{"min":0,"uncertain":"include"}}""", [A, B, C, D, F, G, W, X, Y, Z] },
        { "2026-04-01", """{"age":{"min":0,"uncertain":"include"}}""", [A, B, C, E, F, G, W, Y, Z] },
        { "2026-07-01", """{"age":{"min":0,"uncertain":"include"}}""", [A, B, C, E, G, W, Y, Z] },

        // The boundaries: a 消除 holds from its day (D moved out 2025-09-01), 資格喪失日 is the first day without coverage
        // (A lost 2025-10-01), a child allowance's end date is its last day (D's, 2025-08-31).
        { "2025-08-31", """{"age":{"min":0,"uncertain":"include"}}""", [A, B, C, D, F, G, W, X, Y, Z] },
        { "2025-09-01", """{"age":{"min":0,"uncertain":"include"}}""", [A, B, C, F, G, W, X, Y, Z] },
        { "2025-09-30", """{"nhiMember":true}""", [A, F] },
        { "2025-10-01", """{"nhiMember":true}""", [F] },
        { "2025-08-31", """{"childAllowanceChild":true}""", [C, D] },
        { "2025-11-30", """{"age":{"min":0,"uncertain":"include"}}""", [A, B, C, F, G, W, Y, Z] },
        { "2025-12-01", """{"age":{"min":0,"uncertain":"include"}}""", [A, B, C, E, F, G, W, Y, Z] },

        // 国保: coverage lost since the day counts on it (A, D); F's loss on 2026-06-30 is still ahead today.
        { "2025-06-01", """{"nhiMember":true}""", [A, D, F] },
        { "2026-04-01", """{"nhiMember":true}""", [E, F] },
        { "2026-07-01", """{"nhiMember":true}""", [E] },
        { "2025-06-01", """{"all":[{"nhiMember":false},{"relationship":["世帯主"]}]}""", [G, W, Y] },

        // 児童手当: D's entitlement ended 2025-08-31, C's began 2024-07-01.
        { "2024-01-01", """{"childAllowanceChild":true}""", [D] },
        { "2025-06-01", """{"childAllowanceChild":true}""", [C, D] },
        { "2026-04-01", """{"childAllowanceChild":true}""", [C] },
        { "2025-06-01", """{"householdChildAllowance":true}""", [A, B, C, D] },

        // Households on the day: Z (born 2025-01-20) is not Y's child before then; D is one of A's children until she moves out.
        { "2024-01-01", """{"householdChildren":{"min":1,"uncertain":"exclude"}}""", [A, B, D] },
        { "2025-06-01", """{"householdChildren":{"min":2,"uncertain":"exclude"}}""", [A, B, C, D] },
        { "2026-04-01", """{"householdChildren":{"min":2,"uncertain":"exclude"}}""", [] },
        { "2024-01-01", """{"singleParent":{"uncertain":"exclude"}}""", [] },
        { "2025-06-01", """{"singleParent":{"uncertain":"exclude"}}""", [Y, Z] },
        { "2025-06-01", """{"householdSize":{"min":4}}""", [A, B, C, D] },
        { "2026-04-01", """{"householdSize":{"min":3}}""", [A, B, C] },
        { "2024-01-01", """{"householdMemberAged":{"max":2,"uncertain":"exclude"}}""", [] },
        { "2025-06-01", """{"birthInHousehold":{"since":"2024-06-01","uncertain":"exclude"}}""", [A, B, C, D, Y, Z] },

        // Living alone: W's husband died 2025-11-10; E arrived 2025-12-01.
        { "2025-06-01", """{"elderlyLivingAlone":{"minAge":65,"uncertain":"include"}}""", [G] },
        { "2026-04-01", """{"elderlyLivingAlone":{"minAge":65,"uncertain":"include"}}""", [E, G, W] },

        // 転入 since a day, by the reference date.
        { "2025-06-01", """{"movedInSince":"2025-01-01"}""", [] },
        { "2026-04-01", """{"movedInSince":"2025-01-01"}""", [E] },

        // 昭和26年2月29日 denotes 1951-02-28 or 1951-03-01: 74 on 2月27日, 74 or 75 on 2月28日, 75 from 3月1日.
        { "2026-02-27", """{"age":{"min":75,"max":75,"uncertain":"separate"}}""", [] },
        { "2026-02-28", """{"age":{"min":75,"max":75,"uncertain":"exclude"}}""", [] },
        { "2026-02-28", """{"age":{"min":75,"max":75,"uncertain":"include"}}""", [G] },
        { "2026-03-01", """{"age":{"min":75,"max":75,"uncertain":"exclude"}}""", [G] },

        // Its 75th birthday (後期高齢者医療: the birthday itself) is 2月28日 or 3月1日 of 2026.
        { "2026-01-15", """{"turnsAge":{"age":75,"window":"nextMonth","uncertain":"exclude"}}""", [] },
        { "2026-01-15", """{"turnsAge":{"age":75,"window":"nextMonth","uncertain":"include"}}""", [G] },
        { "2026-02-10", """{"turnsAge":{"age":75,"window":"nextMonth","uncertain":"include"}}""", [G] },
        { "2026-02-15", """{"turnsAge":{"age":75,"window":{"nextDays":30},"uncertain":"exclude"}}""", [G] },
        { "2026-06-15", """{"turnsAge":{"age":75,"window":"nextMonth","uncertain":"exclude"}}""", [E] },
    };

    [Theory]
    [MemberData(nameof(Selections))]
    public async Task Criteria_OnReferenceDate_SelectExactlyWhoQualifiedThatDay(string on, string criteria, int[] expected)
    {
        var rows = await Rows(criteria, DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected.Select(Atena).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(rows.Count, await Query().CountAsync(PushTargetDefinitionReader.ParseCriteria(criteria), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), Ct));
    }

    [Theory]
    [InlineData("2026-02-27", false, false)]
    [InlineData("2026-02-28", true, true)]
    [InlineData("2026-03-01", true, false)]
    public async Task OffCalendarBirth_Age75_IsUncertainOnlyOnTheDayItsTwoReadingsDiffer(string on, bool listed, bool uncertain)
    {
        var rows = await Rows("""{"age":{"min":75,"max":75,"uncertain":"separate"}}""", DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(listed, rows.ContainsKey(Atena(G)));
        if (listed)
        {
            Assert.Equal(uncertain, rows[Atena(G)]);
        }
    }

    [Theory]
    [InlineData("2026-01-15", true)]
    [InlineData("2026-02-10", true)]
    public async Task OffCalendarBirth_TurningSeventyFiveNextMonth_IsFlaggedUncertain(string on, bool uncertain)
    {
        var rows = await Rows("""{"turnsAge":{"age":75,"window":"nextMonth","uncertain":"separate"}}""", DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(uncertain, rows[Atena(G)]);
    }

    [Theory]
    [InlineData("2026-02-27", "65-74")]
    [InlineData("2026-02-28", "不詳")]
    [InlineData("2026-03-01", "75+")]
    public async Task OffCalendarBirth_SummaryBand_FollowsItsTwoDayRange(string on, string band)
    {
        var summary = await Query().SummaryAsync(PushTargetDefinitionReader.ParseCriteria("""{"region":{"areaCodes":["0099001"]}}"""), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), cancellationToken: Ct);
        Assert.Equal(band, Assert.Single(summary.Cells).AgeBand);
    }

    [Theory]
    [InlineData("2026-02-27", 74)]
    [InlineData("2026-02-28", null)]
    [InlineData("2026-03-01", 75)]
    public async Task OffCalendarBirth_LifeEventAge_IsOneAgeOrNone(string on, int? age)
    {
        var guide = await Guide(LifeEventKind.Retirement, G, on);
        Assert.Equal(age, guide.Facts["subject.age"]);
        Assert.Equal(age is null, guide.Facts["subject.ageUncertain"]);
    }

    [Fact]
    public async Task LifeEventFacts_OnPastDate_CountTheHouseholdAndCoverageOfThatDay()
    {
        // 2025-06-01: D had not moved out, A was insured and D's allowance ran; today none of that holds.
        var past = await Guide(LifeEventKind.Marriage, A, "2025-06-01");
        Assert.Equal((4, 2, true, 2, 1), Facts(past));
        var today = await Guide(LifeEventKind.Marriage, A, "2026-04-01");
        Assert.Equal((3, 1, false, 0, 1), Facts(today));
        var covered = await Guide(LifeEventKind.MoveOut, D, "2025-06-01");
        Assert.Equal(true, covered.Facts["subject.childAllowanceCovered"]);
        Assert.Equal(true, covered.Facts["subject.nhiMember"]);

        // Z was born 2025-01-20: on 2024-01-01 Y lived alone.
        var early = await Guide(LifeEventKind.Retirement, Y, "2024-01-01");
        Assert.Equal((1, 0), ((int)early.Facts["household.size"]!, (int)early.Facts["household.childrenUnder18"]!));

        static (int, int, bool, int, int) Facts(LifeEventGuide g) =>
            ((int)g.Facts["household.size"]!, (int)g.Facts["household.childrenUnder18"]!, (bool)g.Facts["subject.nhiMember"]!, (int)g.Facts["household.nhiMembers"]!, (int)g.Facts["household.childAllowanceRecipients"]!);
    }

    [Fact]
    public async Task LifeEventFacts_BeforeARegisteredMoveOut_StillCountTheMoverAndTheirCoverage()
    {
        // F's 転出 is registered for 2026-06-30: today F still lives here and is insured; after it, F's household is empty.
        var today = await Guide(LifeEventKind.MoveOut, F, "2026-04-01");
        Assert.Equal((1, true), ((int)today.Facts["household.size"]!, (bool)today.Facts["subject.nhiMember"]!));
        var after = await Guide(LifeEventKind.MoveOut, F, "2026-07-01");
        Assert.Equal((0, false), ((int)after.Facts["household.size"]!, (bool)after.Facts["subject.nhiMember"]!));
    }

    private PushTargetQuery Query() => new(city.Database.Factory, TimeProvider.System);

    private async Task<Dictionary<string, bool>> Rows(string criteria, DateOnly on)
    {
        var rows = new Dictionary<string, bool>();
        await foreach (var row in Query().StreamAsync(PushTargetDefinitionReader.ParseCriteria(criteria), on, Ct))
        {
            rows.Add(row.AtenaNumber, row.AgeUncertain);
        }

        return rows;
    }

    private async Task<LifeEventGuide> Guide(LifeEventKind kind, int person, string on) =>
        await new LifeEventGuideService(city.Database.Factory, Rules, TimeProvider.System).GuideAsync(kind, Atena(person), DateOnly.Parse(on, System.Globalization.CultureInfo.InvariantCulture), _ => true, Ct)
        ?? throw new InvalidOperationException($"person {person} not found");
}

[Collection(nameof(SqliteAsOfCity))]
public sealed class SqliteAsOfTests(SqliteAsOfCity city) : AsOfSpecification(city);

[Collection(nameof(PostgreSqlAsOfCity))]
public sealed class PostgreSqlAsOfTests(PostgreSqlAsOfCity city) : AsOfSpecification(city);
