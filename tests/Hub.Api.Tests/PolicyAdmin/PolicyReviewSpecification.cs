using System.Text.Json.Nodes;
using Hub.Api.Tests.GraphQL;
using Hub.Api.Tests.Support;

namespace Hub.Api.Tests.PolicyAdmin;

/// <summary>
/// Four eyes (起案 → 審査 → 決裁), invariants, per-node versions and the replay of past access over GraphQL, end to end
/// through HTTP on a database of its own per provider. The rules are the service's; GraphQL only reports them.
/// </summary>
public abstract class PolicyReviewSpecification<TFixture>(TFixture fixture)
    where TFixture : HubGraphQLFixture
{
    private const string PostalCodeLine = "p, role:tax-clerk, resident-tax, resident.postalCode, read, allow, 地方税法 第294条";
    private const string TraineeLookup = "p, role:trainee, nhi, resident.myNumber, lookup, allow, 番号法 第9条第1項 別表 (国民健康保険に関する事務)\ng, demo-trainee, role:trainee, nhi";

    [Fact]
    public async Task FourEyes_AuthorMayNotApprove_SecondOfficerApproves_ThenPublished()
    {
        var (inForce, text) = await InForceAsync();
        var number = await DraftAsync(text + "\n" + PostalCodeLine + "\n");

        var (_, early) = await SendAsync("mutation P($v: Int!) { publishPolicy(version: $v, reason: \"急ぎ\") { number } }", new { v = number }, Clerks.PrivacyOfficer);
        var submitted = await AsAsync(Clerks.PrivacyOfficer, "mutation S($v: Int!) { submitPolicyDraft(version: $v, reason: \"郵便番号を税務に\") { state } }", new { v = number });
        var (_, own) = await SendAsync("mutation A($v: Int!) { approvePolicyDraft(version: $v, reason: \"自分で決裁\") { state } }", new { v = number }, Clerks.PrivacyOfficer);
        var stateAfterRefusal = await StateAsync(number);
        var approved = await AsAsync(Clerks.PrivacyReviewer, "mutation A($v: Int!) { approvePolicyDraft(version: $v, reason: \"根拠を確認\") { state } }", new { v = number });
        var published = await AsAsync(Clerks.PrivacyOfficer, "mutation P($v: Int!) { publishPolicy(version: $v, reason: \"決裁済\") { state } }", new { v = number });

        Assert.Equal("POLICY_REVIEW_REFUSED", Code(early));
        Assert.Equal("IN_REVIEW", (string?)submitted["submitPolicyDraft"]!["state"]);
        Assert.Equal("POLICY_REVIEW_REFUSED", Code(own));
        Assert.Contains("another officer", (string?)own["errors"]![0]!["extensions"]!["problems"]![0], StringComparison.Ordinal);
        Assert.Equal("IN_REVIEW", stateAfterRefusal);
        Assert.Equal("APPROVED", (string?)approved["approvePolicyDraft"]!["state"]);
        Assert.Equal("PUBLISHED", (string?)published["publishPolicy"]!["state"]);
        await AsAsync(Clerks.PrivacyReviewer, "mutation R($v: Int!) { rollbackPolicy(toVersion: $v, reason: \"試験の後始末\") { state } }", new { v = inForce });
    }

    [Fact]
    public async Task Approve_DraftViolatingAnInvariant_RefusedNamingTheCounterexample_ReturnMakesItADraftAgain()
    {
        var (_, text) = await InForceAsync();
        var number = await DraftAsync(text + "\n" + TraineeLookup + "\n");

        var violations = (await AsAsync(Clerks.PrivacyOfficer, "query V($v: Int!) { policyInvariantViolations(version: $v) { invariant subject task field action count } }", new { v = number }))["policyInvariantViolations"]!.AsArray();
        await AsAsync(Clerks.PrivacyOfficer, "mutation S($v: Int!) { submitPolicyDraft(version: $v, reason: \"研修で国保\") { state } }", new { v = number });
        var (_, refused) = await SendAsync("mutation A($v: Int!) { approvePolicyDraft(version: $v, reason: \"決裁\") { state } }", new { v = number }, Clerks.PrivacyReviewer);
        var returned = await AsAsync(Clerks.PrivacyReviewer, "mutation R($v: Int!) { returnPolicyDraft(version: $v, reason: \"不変条件に反する\") { state } }", new { v = number });

        var violation = Assert.Single(violations)!;
        Assert.Equal(("trainee-no-mynumber", "role:trainee", "nhi", "resident.myNumber", "lookup"),
            ((string?)violation["invariant"], (string?)violation["subject"], (string?)violation["task"], (string?)violation["field"], (string?)violation["action"]));
        Assert.Equal("POLICY_REVIEW_REFUSED", Code(refused));
        Assert.Contains("trainee-no-mynumber", (string?)refused["errors"]![0]!["extensions"]!["problems"]![0], StringComparison.Ordinal);
        Assert.Equal("DRAFT", (string?)returned["returnPolicyDraft"]!["state"]);
    }

    [Fact]
    public async Task Submit_AllowWithoutLegalBasis_RefusedAndStaysADraft()
    {
        var (_, text) = await InForceAsync();
        var number = await DraftAsync(text + "\np, role:tax-clerk, resident-tax, resident.postalCode, read, allow, \n");

        var (_, body) = await SendAsync("mutation S($v: Int!) { submitPolicyDraft(version: $v, reason: \"根拠なし\") { state } }", new { v = number }, Clerks.PrivacyOfficer);

        Assert.Equal("POLICY_REVIEW_REFUSED", Code(body));
        Assert.Contains("法的根拠", (string?)body["errors"]![0]!["extensions"]!["problems"]![0], StringComparison.Ordinal);
        Assert.Equal("DRAFT", await StateAsync(number));
    }

    [Fact]
    public async Task GrantAndRevokeCell_InOfficersTerms_EditTheDraftsCsv_BlankBasisOrBadActionRefusedNamingTheArgument()
    {
        var (_, text) = await InForceAsync();
        var number = await DraftAsync(text);
        const string Grant = "mutation G($v: Int!, $b: String!, $a: String!) { grantPolicyCell(version: $v, role: \"role:tax-clerk\", task: \"resident-tax\", field: \"resident.postalCode\", action: $a, basis: $b, reason: \"宛先確認\") { policyText } }";

        var granted = await AsAsync(Clerks.PrivacyOfficer, Grant, new { v = number, b = "地方税法 第294条", a = "read" });
        var revoked = await AsAsync(Clerks.PrivacyOfficer, "mutation R($v: Int!) { revokePolicyCell(version: $v, role: \"role:tax-clerk\", task: \"resident-tax\", field: \"tax.taxableIncome\", action: \"read\", basis: \"所得は別の事務で\", reason: \"最小化\") { policyText } }", new { v = number });
        var (_, blank) = await SendAsync(Grant, new { v = number, b = " ", a = "read" }, Clerks.PrivacyOfficer);
        var (_, badAction) = await SendAsync(Grant, new { v = number, b = "x", a = "write" }, Clerks.PrivacyOfficer);

        Assert.EndsWith("p, role:tax-clerk, resident-tax, resident.postalCode, read, allow, 地方税法 第294条\n", (string?)granted["grantPolicyCell"]!["policyText"], StringComparison.Ordinal);
        Assert.EndsWith("p, role:tax-clerk, resident-tax, tax.taxableIncome, read, deny, 所得は別の事務で\n", (string?)revoked["revokePolicyCell"]!["policyText"], StringComparison.Ordinal);
        Assert.Equal(("BAD_USER_INPUT", "basis"), (Code(blank), (string?)blank["errors"]![0]!["extensions"]!["argument"]));
        Assert.Equal(("BAD_USER_INPUT", "action"), (Code(badAction), (string?)badAction["errors"]![0]!["extensions"]!["argument"]));
    }

    [Fact]
    public async Task PolicyNodes_ThisHub_ReportsTheVersionItServes()
    {
        var (inForce, _) = await InForceAsync();

        var nodes = (await AsAsync(Clerks.PrivacyOfficer, "{ policyNodes { node version since reportedAt } }"))["policyNodes"]!.AsArray();

        var node = Assert.Single(nodes)!;
        Assert.False(string.IsNullOrWhiteSpace((string?)node["node"]));
        Assert.True((int)node["version"]! <= inForce && (int)node["version"]! >= 1);
        Assert.True(DateTimeOffset.Parse((string)node["reportedAt"]!, System.Globalization.CultureInfo.InvariantCulture) >= DateTimeOffset.Parse((string)node["since"]!, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Replay_DraftRevokingWhatAClerkUsed_CountsTheirPastRequestsAsRefused_OthersNot()
    {
        var client = await fixture.ClientAsync();
        var (_, read) = await client.SendAsync(GraphQLClient.Post($"{{ resident(atenaNumber: \"{RelatedSeed.Head}\") {{ name }} }}", null, Clerks.TaxClerk, Clerks.ResidentTax, purpose: "課税", caseId: "T-1"));
        Assert.True(read["errors"] is null, read.ToJsonString());
        var (_, text) = await InForceAsync();
        var revoked = string.Join('\n', text.Split('\n').Where(l => !l.StartsWith("p, role:tax-clerk, resident-tax, resident.name,", StringComparison.Ordinal)));
        var number = await DraftAsync(revoked);

        var replay = (await AsAsync(Clerks.PrivacyOfficer, "query R($d: Int!) { policyReplay(draft: $d, days: 30) { records refused users { user task requests refused fields } } }", new { d = number }))["policyReplay"]!;

        Assert.True((int)replay["records"]! >= 1);
        Assert.True((int)replay["refused"]! >= 1);
        var users = replay["users"]!.AsArray();
        var tax = users.Single(u => (string?)u!["user"] == "demo-tax-clerk" && (string?)u["task"] == "resident-tax")!;
        Assert.True((int)tax["refused"]! >= 1);
        Assert.Contains("resident.name", tax["fields"]!.AsArray().Select(f => (string?)f));
        Assert.All(users.Where(u => (string?)u!["user"] != "demo-tax-clerk"), u => Assert.Equal(0, (int)u!["refused"]!));
        var (_, bad) = await SendAsync("query R($d: Int!) { policyReplay(draft: $d, days: 0) { records } }", new { d = number }, Clerks.PrivacyOfficer);
        Assert.Equal(("BAD_USER_INPUT", "days"), (Code(bad), (string?)bad["errors"]![0]!["extensions"]!["argument"]));
    }

    [Fact]
    public async Task ReviewFields_OrdinaryStaff_ForbiddenAndNoData()
    {
        foreach (var call in new[]
        {
            "mutation { submitPolicyDraft(version: 1, reason: \"x\") { number } }",
            "mutation { approvePolicyDraft(version: 1, reason: \"x\") { number } }",
            "mutation { returnPolicyDraft(version: 1, reason: \"x\") { number } }",
            "mutation { grantPolicyCell(version: 1, role: \"r\", task: \"t\", field: \"resident.name\", action: \"read\", basis: \"b\", reason: \"x\") { number } }",
            "mutation { revokePolicyCell(version: 1, role: \"r\", task: \"t\", field: \"resident.name\", action: \"read\", basis: \"b\", reason: \"x\") { number } }",
            "{ policyNodes { node } }",
            "{ policyInvariants { id } }",
            "{ policyReplay(draft: 1, days: 1) { records } }",
        })
        {
            var (_, body) = await SendAsync(call, null, Clerks.TaxClerk, Clerks.ResidentTax);

            Assert.True(body["data"] is null || body["data"]!.AsObject().All(p => p.Value is null), body.ToJsonString());
            Assert.Equal("FIELD_FORBIDDEN", Code(body));
        }
    }

    [Fact]
    public async Task OrdinanceTable_RowAddedAndRemovedOnADraft_StoredWithTheVersion_RefusalsNamed()
    {
        var (inForce, text) = await InForceAsync();
        var number = await DraftAsync(text);
        const string Add = "mutation A($v: Int!, $b: String!) { addOrdinanceRow(version: $v, task: \"ordinance-test\", field: \"resident.name\", actions: [\"read\", \"lookup\"], basis: $b, reason: \"条例改正\") { number ordinancesEdited ordinances { task field actions basis } } }";

        var before = await VersionAsync("query V { policyVersions { number ordinancesEdited } }", number);
        var added = await AsAsync(Clerks.PrivacyOfficer, Add, new { v = number, b = "条例 第5条" });
        var afterAdd = added["addOrdinanceRow"]!;
        var edited = await VersionAsync("query V { policyVersions { number ordinancesEdited } }", number); // read back from the store
        var (_, noBasis) = await SendAsync(Add, new { v = number, b = " " }, Clerks.PrivacyOfficer);
        var (_, unknownField) = await SendAsync("mutation A($v: Int!) { addOrdinanceRow(version: $v, task: \"ordinance-test\", field: \"resident.nothing\", actions: [\"read\"], basis: \"条例\", reason: \"理由\") { number } }", new { v = number }, Clerks.PrivacyOfficer);
        var (_, unparseable) = await SendAsync("mutation R($v: Int!) { replaceOrdinances(version: $v, text: \"task,field,actions,basis\\nnhi,resident.myNumber\\n\", reason: \"理由\") { number } }", new { v = number }, Clerks.PrivacyOfficer);
        var (_, onPublished) = await SendAsync(Add, new { v = inForce, b = "条例 第5条" }, Clerks.PrivacyOfficer);
        // Removal reads the draft's table back from the store: the row is there only if it was stored.
        var afterRemove = (await AsAsync(Clerks.PrivacyOfficer, "mutation D($v: Int!) { removeOrdinanceRow(version: $v, task: \"ordinance-test\", field: \"resident.name\", reason: \"取り下げ\") { number ordinancesEdited ordinances { task field } } }", new { v = number }))["removeOrdinanceRow"]!;

        Assert.False((bool)before["ordinancesEdited"]!);
        Assert.Contains(afterAdd["ordinances"]!.AsArray(), r => (string?)r!["task"] == "nhi" && (string?)r["field"] == "resident.myNumber"); // copied from the file's table
        Assert.True((bool)afterAdd["ordinancesEdited"]!);
        Assert.True((bool)edited["ordinancesEdited"]!);
        var row = Assert.Single(afterAdd["ordinances"]!.AsArray(), r => (string?)r!["task"] == "ordinance-test")!;
        Assert.Equal(("resident.name", "read|lookup", "条例 第5条"), ((string?)row["field"], string.Join('|', row["actions"]!.AsArray().Select(a => (string?)a)), (string?)row["basis"]));
        Assert.Equal(afterRemove["ordinances"]!.AsArray().Count + 1, afterAdd["ordinances"]!.AsArray().Count);
        Assert.Equal("BAD_USER_INPUT", Code(noBasis));
        Assert.Contains("'basis'", (string?)noBasis["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal("BAD_USER_INPUT", Code(unknownField));
        Assert.Contains("'field'", (string?)unknownField["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.Equal("POLICY_REJECTED", Code(unparseable));
        Assert.Equal("BAD_USER_INPUT", Code(onPublished));
        Assert.Contains("not a draft", (string?)onPublished["errors"]![0]!["message"], StringComparison.Ordinal);
        Assert.DoesNotContain(afterRemove["ordinances"]!.AsArray(), r => (string?)r!["task"] == "ordinance-test");
        Assert.True((bool)afterRemove["ordinancesEdited"]!);
    }

    private async Task<JsonNode> VersionAsync(string query, int number) =>
        (await AsAsync(Clerks.PrivacyOfficer, query))["policyVersions"]!.AsArray().Single(v => (int)v!["number"]! == number)!;

    private static string? Code(JsonNode body) => (string?)body["errors"]?[0]?["extensions"]?["code"];

    private async Task<int> DraftAsync(string policyText) =>
        (int)(await AsAsync(Clerks.PrivacyOfficer, "mutation C($p: String!) { createPolicyDraft(reason: \"試験\", policyText: $p) { number } }", new { p = policyText }))["createPolicyDraft"]!["number"]!;

    private async Task<string?> StateAsync(int number) =>
        (string?)(await AsAsync(Clerks.PrivacyOfficer, "{ policyVersions { number state } }"))["policyVersions"]!.AsArray().Single(v => (int)v!["number"]! == number)!["state"];

    private async Task<(int Number, string PolicyText)> InForceAsync()
    {
        var versions = (await AsAsync(Clerks.PrivacyOfficer, "{ policyVersions { number state policyText } }"))["policyVersions"]!.AsArray();
        var published = versions.Single(v => (string?)v!["state"] == "PUBLISHED")!;
        return ((int)published["number"]!, (string)published["policyText"]!);
    }

    private async Task<JsonNode> AsAsync(string token, string query, object? variables = null)
    {
        var (_, body) = await SendAsync(query, variables, token);
        Assert.True(body["errors"] is null, body["errors"]?.ToJsonString());
        return body["data"]!;
    }

    private async Task<(HttpResponseMessage, JsonNode)> SendAsync(string query, object? variables, string token, string task = Clerks.PrivacyAudit)
    {
        var client = await fixture.ClientAsync();
        return await client.SendAsync(GraphQLClient.Post(query, variables, token, task, purpose: "ポリシー管理", caseId: "POL-2"));
    }
}
