using System.Net;
using System.Text.Json.Nodes;
using Hub.Capabilities.Audit;
using Hub.Api.Tests.GraphQL;
using Hub.Api.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Tests.Prefill;

/// <summary>
/// <c>prefill(formId:, atenaNumber:)</c> end to end through HTTP on a seeded database: statuses, provenance, household
/// members, withheld items whose values never reach the body, and the access record. Each provider subclasses it.
/// </summary>
public abstract class PrefillSpecification<TFixture>(TFixture fixture)
    where TFixture : HubGraphQLFixture
{
    private const string Query = """
        query P($form: String!, $atena: String!) {
          prefill(formId: $form, atenaNumber: $atena) {
            formId title membersLabel membersStatus spouseStatus
            items { id label path status value sourceSystem asOf }
            members { items { id label path status value sourceSystem asOf } }
          }
        }
        """;

    [Fact]
    public async Task ChildAllowance_ChildClerk_FillsApplicantAndEveryMember_PhoneIsTheApplicantsAnswer()
    {
        var client = await fixture.ClientAsync();

        var (response, body) = await client.SendAsync(GraphQLClient.Post(Query, new { form = "child-allowance-application", atena = RelatedSeed.Head }, Clerks.ChildClerk, Clerks.ChildAllowance));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        NoErrors(body);
        var prefill = body["data"]!["prefill"]!;
        Assert.Equal("児童手当認定請求書", (string?)prefill["title"]);
        var items = Items(prefill["items"]);
        Assert.Equal(("FILLED", "佐藤 健"), (items["name"].Status, items["name"].Value));
        Assert.Equal("請求者 氏名", items["name"].Label);
        Assert.Equal("resident-registry", items["name"].Source);
        Assert.Equal(new DateTime(2024, 4, 1, 0, 0, 0, DateTimeKind.Utc), items["name"].AsOf);
        Assert.Equal(("FILLED", "3100000"), (items["taxableIncome"].Status, items["taxableIncome"].Value));
        // The income is the latest year's, so the year chose it: the task reads both (the year was withheld before the privacy closure).
        Assert.Equal(("FILLED", "2024"), (items["fiscalYear"].Status, items["fiscalYear"].Value));
        // The form's own task reads what the form asks (番号法 別表: 認定請求書の個人番号), 通称 of a foreign resident included.
        Assert.Equal(("FILLED", RelatedSeed.HeadMyNumber), (items["myNumber"].Status, items["myNumber"].Value));
        Assert.Equal(("FILLED", "0600002"), (items["postalCode"].Status, items["postalCode"].Value));
        Assert.Equal(("FILLED", "佐藤 健"), (items["alias"].Status, items["alias"].Value));
        // 在留資格 of a foreign resident, from a kind declared as data (residenceStatus), with its source.
        Assert.Equal(("FILLED", "定住者", "residence-status"), (items["residenceStatus"].Status, items["residenceStatus"].Value, items["residenceStatus"].Source));
        Assert.Equal(("FILLED", "2028-03-31"), (items["residenceExpiresOn"].Status, items["residenceExpiresOn"].Value));
        // No core system holds the phone number: the resident answers it.
        Assert.Equal(("UNAVAILABLE", null, null), (items["phone"].Status, items["phone"].Value, items["phone"].Source));
        Assert.Null((string?)prefill["items"]!.AsArray().Single(i => (string?)i!["id"] == "phone")!["path"]);

        Assert.Equal("FILLED", (string?)prefill["membersStatus"]);
        var members = prefill["members"]!.AsArray().Select(m => Items(m!["items"])).ToList();
        Assert.Equal(["佐藤 健", "佐藤 陽"], members.Select(m => m["name"].Value));
        Assert.Equal(["世帯主", "子"], members.Select(m => m["relationship"].Value));
        Assert.Equal(("UNCERTAIN", "令和2年2月30日"), (members[1]["birthDate"].Status, members[1]["birthDate"].Value));
        Assert.Equal(("FILLED", "1985-06-15"), (members[0]["birthDate"].Status, members[0]["birthDate"].Value));
        // A 世帯主 with a child and no 妻/夫 in the household: no spouse to fill.
        Assert.Equal("UNAVAILABLE", (string?)prefill["spouseStatus"]);
    }

    [Fact]
    public async Task ChildAllowance_AnotherTask_WithholdsMyNumberPostalCodeAndMembers_AndNoValueLeaves()
    {
        var client = await fixture.ClientAsync();

        var (_, body) = await client.SendAsync(GraphQLClient.Post(Query, new { form = "child-allowance-application", atena = RelatedSeed.Head }, Clerks.TaxClerk, Clerks.ResidentTax));

        NoErrors(body);
        var prefill = body["data"]!["prefill"]!;
        var items = Items(prefill["items"]);
        Assert.Equal(("WITHHELD", null, null, null), (items["myNumber"].Status, items["myNumber"].Value, items["myNumber"].Source, items["myNumber"].AsOf));
        Assert.Equal("WITHHELD", items["postalCode"].Status);
        // Whether 通称 applies is decided from 住民種別, which the tax task may not read: withheld, not 該当なし.
        Assert.Equal("WITHHELD", items["alias"].Status);
        Assert.Equal(("WITHHELD", "WITHHELD"), ((string?)prefill["membersStatus"], (string?)prefill["spouseStatus"]));
        Assert.DoesNotContain(RelatedSeed.HeadMyNumber, body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("0600002", body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("佐藤 陽", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spouse_ChildClerk_HeadsWifeChosenByRelationship_AndTheAccessRecordNamesWhatChoseHer()
    {
        var client = await fixture.ClientAsync();
        var database = await fixture.DatabaseAsync();
        const string Spouse = "query P($form: String!, $atena: String!) { prefill(formId: $form, atenaNumber: $atena) { spouseLabel spouseStatus spouse { items { id label path status value } } items { id status value } } }";

        var (_, head) = await client.SendAsync(GraphQLClient.Post(Spouse, new { form = "child-allowance-application", atena = CitySeed.Taro }, Clerks.ChildClerk, Clerks.ChildAllowance, caseId: "CASE-SP1"));
        var (_, wife) = await client.SendAsync(GraphQLClient.Post(Spouse, new { form = "child-allowance-application", atena = CitySeed.Hanako }, Clerks.ChildClerk, Clerks.ChildAllowance));

        NoErrors(head);
        NoErrors(wife);
        Assert.Equal(("配偶者", "FILLED"), ((string?)head["data"]!["prefill"]!["spouseLabel"], (string?)head["data"]!["prefill"]!["spouseStatus"]));
        var spouse = Items(head["data"]!["prefill"]!["spouse"]!["items"]);
        Assert.Equal(("FILLED", "山田 花子"), (spouse["name"].Status, spouse["name"].Value));
        Assert.Equal(("UNCERTAIN", "昭和52年上旬"), (spouse["birthDate"].Status, spouse["birthDate"].Value));
        // The 妻's spouse is the 世帯主; a Japanese resident's 通称 is 該当なし (decided from 住民種別, which the task reads).
        Assert.Equal("山田 太郎", Items(wife["data"]!["prefill"]!["spouse"]!["items"])["name"].Value);
        Assert.Equal("NOT_APPLICABLE", Items(head["data"]!["prefill"]!["items"])["alias"].Status);

        await using var db = database.CreateContext();
        var record = await db.AccessRecords.AsNoTracking().Where(r => r.Case == "CASE-SP1").SingleAsync(TestContext.Current.CancellationToken);
        var paths = AccessRecordFormat.SplitPaths(record.FieldPaths);
        Assert.Contains("resident.relationship", paths);
        Assert.Contains("household.members", paths);
        Assert.Contains("resident.residentKind", paths);
        Assert.Contains(CitySeed.Hanako, AccessRecordFormat.SplitSubjects(record.SubjectAtenaNumbers));
    }

    [Fact]
    public async Task Spouse_TaskThatMayNotReadRelationship_SpouseWithheldAndNotNamed()
    {
        var client = await fixture.ClientAsync();
        const string Spouse = "query P($form: String!, $atena: String!) { prefill(formId: $form, atenaNumber: $atena) { spouseStatus spouse { items { id value } } } }";

        // The NHI task lists members and reads their 続柄 now, but the long-term-care task does neither.
        var (_, body) = await client.SendAsync(GraphQLClient.Post(Spouse, new { form = "nursery-admission", atena = CitySeed.Taro }, Clerks.Staff("demo-ltc-clerk"), "long-term-care"));

        NoErrors(body);
        Assert.Equal("WITHHELD", (string?)body["data"]!["prefill"]!["spouseStatus"]);
        Assert.Null((JsonNode?)body["data"]!["prefill"]!["spouse"]);
        Assert.DoesNotContain("花子", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChildAllowance_WithMembers_ThreeFetches_MembersThenTaxOfAllAndTheForeignApplicantsResidenceStatus()
    {
        var client = await fixture.ClientAsync();
        using var fetches = new LoaderFetchCount(await fixture.ServicesAsync());

        var (_, body) = await client.SendAsync(GraphQLClient.Post(Query, new { form = "child-allowance-application", atena = RelatedSeed.Head }, Clerks.ChildClerk, Clerks.ChildAllowance));

        NoErrors(body);
        Assert.Equal(2, body["data"]!["prefill"]!["members"]!.AsArray().Count);
        // Members, then in one round the tax of all and the applicant's 在留資格 (a foreign resident; residenceStatus is a kind declared as data).
        Assert.Equal(3, fetches.Count);
    }

    [Fact]
    public async Task Prefill_OneAccessRecord_ReleasedPathsAndMembersNotWithheldOnes()
    {
        var client = await fixture.ClientAsync();
        var database = await fixture.DatabaseAsync();
        long before;
        await using (var db = database.CreateContext())
        {
            before = await db.AccessRecords.CountAsync(TestContext.Current.CancellationToken);
        }

        var (_, body) = await client.SendAsync(GraphQLClient.Post(Query, new { form = "nursery-admission", atena = RelatedSeed.Head }, Clerks.Staff("demo-nursery-clerk"), "nursery", purpose: "保育所の入所申込", caseId: "CASE-PF1"));

        NoErrors(body);
        await using var check = database.CreateContext();
        var records = await check.AccessRecords.AsNoTracking().OrderBy(r => r.Sequence).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal(before + 1, records.Count);
        var record = records[^1];
        Assert.Equal(("demo-nursery-clerk", "nursery", "CASE-PF1", "prefill"), (record.UserId, record.Task, record.Case, record.Operation));
        Assert.Equal([RelatedSeed.Head, RelatedSeed.Child], AccessRecordFormat.SplitSubjects(record.SubjectAtenaNumbers));
        var paths = AccessRecordFormat.SplitPaths(record.FieldPaths);
        Assert.Contains("resident.name", paths);
        Assert.Contains("tax.incomeLevy", paths);
        Assert.Contains("household.members", paths);
        // The nursery task neither reads My Number nor the 住民票コード; applicant answers (電話番号, 勤務先) read nothing.
        Assert.DoesNotContain("resident.myNumber", paths);
        Assert.DoesNotContain("resident.juminhyoCode", paths);
        Assert.False(record.MyNumberUsed);
    }

    [Fact]
    public async Task MoveIn_ResidentClerk_UnavailableAndUncertainAndMyNumberFlagged()
    {
        var client = await fixture.ClientAsync();
        var database = await fixture.DatabaseAsync();

        var (_, body) = await client.SendAsync(GraphQLClient.Post(Query, new { form = "move-in-household-members", atena = CitySeed.Taro }, Clerks.ResidentClerk, Clerks.ResidentRegistry, caseId: "CASE-PF2"));

        NoErrors(body);
        var prefill = body["data"]!["prefill"]!;
        var items = Items(prefill["items"]);
        Assert.Equal(("FILLED", CitySeed.YamadaHousehold), (items["householdNumber"].Status, items["householdNumber"].Value));
        Assert.Equal(("FILLED", "山田 太郎"), (items["headName"].Status, items["headName"].Value));
        var members = prefill["members"]!.AsArray().Select(m => Items(m!["items"])).ToList();

        // Living members only (the removed 父 is not one), head first, then by birth.
        Assert.Equal(["山田 太郎", "山田 花子", "山田 一郎"], members.Select(m => m["name"].Value));
        Assert.Equal(("UNCERTAIN", "昭和52年上旬"), (members[1]["birthDate"].Status, members[1]["birthDate"].Value));
        Assert.Equal(("UNCERTAIN", "平成23年2月29日"), (members[2]["birthDate"].Status, members[2]["birthDate"].Value));
        Assert.Equal("FILLED", members[0]["myNumber"].Status);

        var (_, related) = await client.SendAsync(GraphQLClient.Post(Query, new { form = "move-in-household-members", atena = RelatedSeed.Child }, Clerks.ResidentClerk, Clerks.ResidentRegistry));
        var child = related["data"]!["prefill"]!["members"]!.AsArray().Select(m => Items(m!["items"])).Single(m => m["name"].Value == "佐藤 陽");
        Assert.Equal(("UNAVAILABLE", null, null), (child["juminhyoCode"].Status, child["juminhyoCode"].Value, child["juminhyoCode"].Source));

        await using var db = database.CreateContext();
        var record = await db.AccessRecords.AsNoTracking().Where(r => r.Case == "CASE-PF2").SingleAsync(TestContext.Current.CancellationToken);
        Assert.True(record.MyNumberUsed);
    }

    [Fact]
    public async Task Nhi_NhiClerk_SourceOfEachItemAndTheHouseholdItTaxes()
    {
        var client = await fixture.ClientAsync();

        var (_, body) = await client.SendAsync(GraphQLClient.Post(Query, new { form = "nhi-enrolment", atena = RelatedSeed.Head }, Clerks.NhiClerk, Clerks.Nhi));

        NoErrors(body);
        var prefill = body["data"]!["prefill"]!;
        var items = Items(prefill["items"]);
        Assert.Equal(("FILLED", "札01", "nhi"), (items["insuredSymbol"].Status, items["insuredSymbol"].Value, items["insuredSymbol"].Source));
        // 世帯主課税 (国民健康保険法 第76条): the NHI task reads the household's number and its members' 続柄.
        Assert.Equal(("FILLED", RelatedSeed.Household), (items["householdNumber"].Status, items["householdNumber"].Value));
        var members = prefill["members"]!.AsArray().Select(m => Items(m!["items"])).ToList();
        Assert.Equal(2, members.Count);
        Assert.Equal(["世帯主", "子"], members.Select(m => m["relationship"].Value));
        Assert.Equal(("FILLED", "2021-04-01"), (members[0]["acquiredOn"].Status, members[0]["acquiredOn"].Value));
        Assert.Equal("UNAVAILABLE", members[1]["acquiredOn"].Status); // the child has no qualification of its own
    }

    [Fact]
    public async Task Members_TaskMayNotListThem_MembersWithheldAndNoneListed()
    {
        var client = await fixture.ClientAsync();

        var (_, body) = await client.SendAsync(GraphQLClient.Post(Query, new { form = "nursery-admission", atena = RelatedSeed.Head }, Clerks.TaxClerk, Clerks.ResidentTax));

        NoErrors(body);
        var prefill = body["data"]!["prefill"]!;
        Assert.Equal("WITHHELD", (string?)prefill["membersStatus"]);
        Assert.Empty(prefill["members"]!.AsArray());
        var items = Items(prefill["items"]);
        Assert.Equal(("FILLED", "310000"), (items["incomeLevy"].Status, items["incomeLevy"].Value));
        Assert.Equal("WITHHELD", items["headName"].Status);
        Assert.DoesNotContain("佐藤 陽", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prefill_UnknownFormOrResident_ErrorAndNoData()
    {
        var client = await fixture.ClientAsync();

        var (_, form) = await client.SendAsync(GraphQLClient.Post(Query, new { form = "no-such-form", atena = RelatedSeed.Head }, Clerks.ResidentClerk, Clerks.ResidentRegistry));
        var (_, resident) = await client.SendAsync(GraphQLClient.Post(Query, new { form = "nhi-enrolment", atena = "999999" }, Clerks.ResidentClerk, Clerks.ResidentRegistry));

        Assert.Null((JsonNode?)form["data"]!["prefill"]);
        Assert.Equal("BAD_USER_INPUT", (string?)form["errors"]![0]!["extensions"]!["code"]);
        Assert.Null((JsonNode?)resident["data"]!["prefill"]);
        Assert.Equal("NOT_FOUND", (string?)resident["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Prefill_ResidentPrincipalAboutAnother_ForbiddenAndNoData()
    {
        var client = await fixture.ClientAsync();

        var (_, body) = await client.SendAsync(GraphQLClient.Post(Query, new { form = "child-allowance-application", atena = RelatedSeed.Head }, Clerks.Resident(RelatedSeed.Child), "self-view"));

        Assert.Null((JsonNode?)body["data"]!["prefill"]);
        Assert.Equal("FIELD_FORBIDDEN", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.DoesNotContain("佐藤", body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("3100000", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Prefill_ResidentPrincipalAboutThemselves_OwnItemsFilledOtherMembersWithheld()
    {
        var client = await fixture.ClientAsync();

        var (_, body) = await client.SendAsync(GraphQLClient.Post(Query, new { form = "child-allowance-application", atena = RelatedSeed.Head }, Clerks.Resident(RelatedSeed.Head), "self-view"));

        NoErrors(body);
        var prefill = body["data"]!["prefill"]!;
        var items = Items(prefill["items"]);
        Assert.Equal(("FILLED", "佐藤 健"), (items["name"].Status, items["name"].Value));
        Assert.Equal(("FILLED", "3100000"), (items["taxableIncome"].Status, items["taxableIncome"].Value));
        var members = prefill["members"]!.AsArray().Select(m => Items(m!["items"])).ToList();
        Assert.Equal(["FILLED", "WITHHELD"], members.Select(m => m["name"].Status));
        Assert.DoesNotContain("佐藤 陽", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LongTermCare_LtcClerk_FillsItemsOfAKindDeclaredAsData_WithSourceAndAccessRecord()
    {
        var client = await fixture.ClientAsync();
        var database = await fixture.DatabaseAsync();

        var (_, body) = await client.SendAsync(GraphQLClient.Post(Query, new { form = "long-term-care-renewal", atena = RelatedSeed.Head }, Clerks.Staff("demo-ltc-clerk"), "long-term-care"));

        NoErrors(body);
        var items = Items(body["data"]!["prefill"]!["items"]);
        Assert.Equal(("FILLED", "要介護2"), (items["careLevel"].Status, items["careLevel"].Value));
        Assert.Equal(("FILLED", "0001234567"), (items["insuredNumber"].Status, items["insuredNumber"].Value));
        Assert.Equal(("FILLED", "2027-03-31"), (items["validUntil"].Status, items["validUntil"].Value));
        // Provenance of the generic record: the source that synced it and the source's timestamp.
        Assert.Equal(("long-term-care", GenericSeed.At.UtcDateTime), (items["careLevel"].Source, items["careLevel"].AsOf));
        await using var check = database.CreateContext();
        var record = await check.AccessRecords.AsNoTracking().OrderByDescending(r => r.Sequence).FirstAsync(TestContext.Current.CancellationToken);
        var paths = AccessRecordFormat.SplitPaths(record.FieldPaths);
        Assert.Contains("longTermCare.careLevel", paths);
        // The record was chosen by its subject and 認定有効期間: those paths are named too.
        Assert.Contains("longTermCare.atenaNumber", paths);
        Assert.Contains("longTermCare.validFrom", paths);
    }

    [Fact]
    public async Task LongTermCare_TaskThatMayNotReadIt_ItemsWithheldAndNoValueLeaves()
    {
        var client = await fixture.ClientAsync();

        var (_, body) = await client.SendAsync(GraphQLClient.Post(Query, new { form = "long-term-care-renewal", atena = RelatedSeed.Head }, Clerks.ResidentClerk, Clerks.ResidentRegistry));

        NoErrors(body);
        var items = Items(body["data"]!["prefill"]!["items"]);
        Assert.Equal(("WITHHELD", null), (items["careLevel"].Status, items["careLevel"].Value));
        Assert.Equal("FILLED", items["name"].Status);
        Assert.DoesNotContain("要介護2", body.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain("0001234567", body.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RemovedApplicant_ClerkWhoMayReadTheStatus_IsWarned_AndTheAccessRecordNamesWhatDecidedIt()
    {
        var client = await fixture.ClientAsync();
        var database = await fixture.DatabaseAsync();
        const string Warned = "query P($form: String!, $atena: String!) { prefill(formId: $form, atenaNumber: $atena) { warnings { code message paths } items { id status } } }";

        var (_, body) = await client.SendAsync(GraphQLClient.Post(Warned, new { form = "move-in-household-members", atena = CitySeed.RemovedGrandfather }, Clerks.ResidentClerk, Clerks.ResidentRegistry));

        NoErrors(body);
        var warning = body["data"]!["prefill"]!["warnings"]!.AsArray().Single()!;
        Assert.Equal("REMOVED", (string?)warning["code"]);
        Assert.Contains("死亡により住民記録から消除されています", (string?)warning["message"], StringComparison.Ordinal);
        Assert.Contains("（異動日 ", (string?)warning["message"], StringComparison.Ordinal);
        Assert.Equal(["resident.status", "resident.changeReason", "resident.changeDate"], warning["paths"]!.AsArray().Select(p => (string?)p));
        await using var check = database.CreateContext();
        var record = await check.AccessRecords.AsNoTracking().OrderByDescending(r => r.Sequence).FirstAsync(TestContext.Current.CancellationToken);
        Assert.Contains("resident.changeReason", AccessRecordFormat.SplitPaths(record.FieldPaths));

        // A living applicant: no warning.
        var (_, living) = await client.SendAsync(GraphQLClient.Post(Warned, new { form = "move-in-household-members", atena = RelatedSeed.Head }, Clerks.ResidentClerk, Clerks.ResidentRegistry));
        NoErrors(living);
        Assert.Empty(living["data"]!["prefill"]!["warnings"]!.AsArray());
    }

    [Fact]
    public async Task RemovedApplicant_TaskThatMayNotReadWhy_IsWarnedWithoutTheReason_AndATaskThatMayNotReadTheStatusIsNot()
    {
        var client = await fixture.ClientAsync();
        const string Warned = "query P($form: String!, $atena: String!) { prefill(formId: $form, atenaNumber: $atena) { warnings { code message paths } } }";

        // The child allowance task reads 住民状態 (児童手当法 第4条) but not 異動事由: warned, the reason not told.
        var (_, child) = await client.SendAsync(GraphQLClient.Post(Warned, new { form = "child-allowance-application", atena = CitySeed.RemovedGrandfather }, Clerks.ChildClerk, Clerks.ChildAllowance));
        NoErrors(child);
        var warning = child["data"]!["prefill"]!["warnings"]!.AsArray().Single()!;
        Assert.Equal(["resident.status"], warning["paths"]!.AsArray().Select(p => (string?)p));
        Assert.DoesNotContain("死亡", child.ToJsonString(), StringComparison.Ordinal);

        // The tax task may not read 住民状態: no warning, so the answer does not vary with it.
        var (_, tax) = await client.SendAsync(GraphQLClient.Post(Warned, new { form = "child-allowance-application", atena = CitySeed.RemovedGrandfather }, Clerks.TaxClerk, Clerks.ResidentTax));
        NoErrors(tax);
        Assert.Empty(tax["data"]!["prefill"]!["warnings"]!.AsArray());
    }

    private static void NoErrors(JsonNode body) => Assert.True(body["errors"] is null, body["errors"]?.ToJsonString());

    private static Dictionary<string, (string Status, string? Value, string Label, string? Source, DateTime? AsOf)> Items(JsonNode? items) =>
        items!.AsArray().ToDictionary(
            i => (string)i!["id"]!,
            i => ((string)i!["status"]!, (string?)i["value"], (string)i["label"]!, (string?)i["sourceSystem"], i["asOf"] is { } at ? (DateTime?)DateTime.Parse((string)at!, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal) : null));
}
