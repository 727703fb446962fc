using System.Text.Json.Nodes;
using Hub.Api.Tests.GraphQL;
using Hub.Api.Tests.Support;

namespace Hub.Api.Tests.PolicyAdmin;

/// <summary>
/// Policy administration over GraphQL for privacy officers, end to end through HTTP: draft, edit, preview (decisions and
/// pre-fill form items), publish, refusal with the checker's errors, rollback, versions and diff; everyone else is
/// refused. Each provider subclasses it; the class has a database of its own because it publishes.
/// </summary>
public abstract class PolicyAdminSpecification<TFixture>(TFixture fixture)
    where TFixture : HubGraphQLFixture
{
    private const string PostalCodeLine = "p, role:tax-clerk, resident-tax, resident.postalCode, read, allow, 地方税法 第294条";
    private const string Version = "number state author reason basedOn publishedBy policyText";

    [Fact]
    public async Task Lifecycle_DraftPreviewPublishDiffRollback_AsPrivacyOfficer()
    {
        var inForce = await InForceAsync();
        var draft = await OfficerAsync($"mutation {{ createPolicyDraft(reason: \"郵便番号を税務に\") {{ {Version} }} }}");
        var number = (int)draft["createPolicyDraft"]!["number"]!;
        Assert.Equal(("DRAFT", "demo-privacy-officer", inForce.Number), ((string?)draft["createPolicyDraft"]!["state"], (string?)draft["createPolicyDraft"]!["author"], (int?)draft["createPolicyDraft"]!["basedOn"]));

        var edited = await OfficerAsync("mutation E($v: Int!, $p: String!) { editPolicyDraft(version: $v, policyText: $p, reason: \"一行追加\") { number state policyText } }", new { v = number, p = inForce.PolicyText + "\n" + PostalCodeLine + "\n" });
        Assert.Contains(PostalCodeLine, (string?)edited["editPolicyDraft"]!["policyText"], StringComparison.Ordinal);

        var preview = (await OfficerAsync("query P($d: Int!) { policyPreview(draft: $d) { draft against decisions { user task field action before after ruleAfter } formItems { formId user task field gains } } }", new { d = number }))["policyPreview"]!;
        Assert.Equal(inForce.Number, (int?)preview["against"]);
        var decision = Assert.Single(preview["decisions"]!.AsArray())!;
        Assert.Equal(("demo-tax-clerk", "resident-tax", "resident.postalCode", "read", false, true),
            ((string?)decision["user"], (string?)decision["task"], (string?)decision["field"], (string?)decision["action"], (bool)decision["before"]!, (bool)decision["after"]!));
        var gains = preview["formItems"]!.AsArray().Select(i => ((string?)i!["formId"], (string?)i["user"], (string?)i["field"], (bool)i["gains"]!)).ToList();
        Assert.Contains(("nursery-admission", "demo-tax-clerk", "resident.postalCode", true), gains);
        Assert.Contains(("child-allowance-application", "demo-tax-clerk", "resident.postalCode", true), gains);

        await OfficerAsync("mutation S($v: Int!) { submitPolicyDraft(version: $v, reason: \"審査依頼\") { state } }", new { v = number });
        await ReviewerAsync("mutation A($v: Int!) { approvePolicyDraft(version: $v, reason: \"決裁\") { state } }", new { v = number });
        var published = (await OfficerAsync("mutation P($v: Int!) { publishPolicy(version: $v, reason: \"承認済\") { number state publishedBy } }", new { v = number }))["publishPolicy"]!;
        Assert.Equal(("PUBLISHED", "demo-privacy-officer"), ((string?)published["state"], (string?)published["publishedBy"]));

        var diff = (await OfficerAsync("query D($a: Int!, $b: Int!) { policyDiff(from: $a, to: $b) { modelChanged added { type values text } removed { text } } }", new { a = inForce.Number, b = number }))["policyDiff"]!;
        Assert.False((bool)diff["modelChanged"]!);
        Assert.Equal(PostalCodeLine, (string?)Assert.Single(diff["added"]!.AsArray())!["text"]);
        Assert.Empty(diff["removed"]!.AsArray());

        var rolledBack = (await OfficerAsync("mutation R($v: Int!) { rollbackPolicy(toVersion: $v, reason: \"取消\") { number state basedOn policyText } }", new { v = inForce.Number }))["rollbackPolicy"]!;
        Assert.Equal(("PUBLISHED", inForce.Number, inForce.PolicyText), ((string?)rolledBack["state"], (int?)rolledBack["basedOn"], (string?)rolledBack["policyText"]));
        var states = (await OfficerAsync("{ policyVersions { number state } }"))["policyVersions"]!.AsArray().ToDictionary(v => (int)v!["number"]!, v => (string?)v!["state"]);
        Assert.Equal("SUPERSEDED", states[number]);
        Assert.Equal("PUBLISHED", states[(int)rolledBack["number"]!]);
    }

    [Fact]
    public async Task Submit_DraftThatDoesNotCheck_RefusedWithCheckerErrors_VersionInForceStays()
    {
        var inForce = await InForceAsync();
        var draft = await OfficerAsync("mutation C($p: String!) { createPolicyDraft(reason: \"壊れた行\", policyText: $p) { number } }", new { p = inForce.PolicyText + "\np, role:tax-clerk, resident-tax, tax.*\n" });
        var number = (int)draft["createPolicyDraft"]!["number"]!;

        var (_, body) = await SendAsync("mutation P($v: Int!) { submitPolicyDraft(version: $v, reason: \"試行\") { number state } }", new { v = number }, Clerks.PrivacyOfficer, Clerks.PrivacyAudit);

        Assert.Null((JsonNode?)body["data"]!["submitPolicyDraft"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("POLICY_REVIEW_REFUSED", (string?)error["extensions"]!["code"]);
        Assert.NotEmpty(error["extensions"]!["problems"]!.AsArray());
        Assert.Contains("error", (string?)error["extensions"]!["problems"]![0], StringComparison.Ordinal);
        Assert.Equal(inForce.Number, (await InForceAsync()).Number);
    }

    [Fact]
    public async Task Preview_DraftThatDoesNotParse_PolicyRejectedWithDiagnostics_NotInternalError()
    {
        var inForce = await InForceAsync();
        var draft = await OfficerAsync("mutation C($p: String!) { createPolicyDraft(reason: \"壊れた行\", policyText: $p) { number } }", new { p = inForce.PolicyText + "\np, role:tax-clerk, resident-tax, tax.*\n\"unterminated\n" });
        var number = (int)draft["createPolicyDraft"]!["number"]!;

        var (_, body) = await SendAsync("query P($d: Int!) { policyPreview(draft: $d) { draft decisions { field } } }", new { d = number }, Clerks.PrivacyOfficer, Clerks.PrivacyAudit);

        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("POLICY_REJECTED", (string?)error["extensions"]!["code"]);
        Assert.NotEmpty(error["extensions"]!["diagnostics"]!.AsArray());
        Assert.Contains($"v{number}/policy.csv", (string?)error["extensions"]!["diagnostics"]![0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyVersions_CreatedAtAndPublishedAt_AreTimestamps_NotInternalError()
    {
        var versions = (await OfficerAsync("{ policyVersions { number state createdAt publishedAt } }"))["policyVersions"]!.AsArray();

        var published = versions.Single(v => (string?)v!["state"] == "PUBLISHED")!;
        Assert.True(DateTimeOffset.TryParse((string?)published["createdAt"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var created), published.ToJsonString());
        Assert.True(DateTimeOffset.TryParse((string?)published["publishedAt"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at), published.ToJsonString());
        Assert.True(at >= created);
    }

    [Theory]
    [InlineData("mutation { createPolicyDraft(reason: \"\") { number } }")]
    [InlineData("mutation { createPolicyDraft(reason: \"  　 \") { number } }")]
    [InlineData("mutation { publishPolicy(version: 1, reason: \" \") { number } }")]
    [InlineData("mutation { rollbackPolicy(toVersion: 1, reason: \"\") { number } }")]
    [InlineData("mutation { editPolicyDraft(version: 1, policyText: \"x\", reason: \"\") { number } }")]
    public async Task PolicyChange_EmptyReason_RefusedNamingTheArgument_NothingChanges(string call)
    {
        var before = (await OfficerAsync("{ policyVersions { number state } }"))["policyVersions"]!.ToJsonString();

        var (_, body) = await SendAsync(call, null, Clerks.PrivacyOfficer, Clerks.PrivacyAudit);

        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal(("BAD_USER_INPUT", "reason"), ((string?)error["extensions"]!["code"], (string?)error["extensions"]!["argument"]));
        Assert.Equal(before, (await OfficerAsync("{ policyVersions { number state } }"))["policyVersions"]!.ToJsonString());
    }

    [Fact]
    public async Task PolicyAdministration_OrdinaryStaffOrOfficerOutsideAuditTask_ForbiddenAndNoData()
    {
        var calls = new[]
        {
            "mutation { createPolicyDraft(reason: \"x\") { number } }",
            "mutation { publishPolicy(version: 1, reason: \"x\") { number } }",
            "mutation { rollbackPolicy(toVersion: 1, reason: \"x\") { number } }",
            "{ policyVersions { number policyText } }",
        };
        foreach (var (token, task) in new[] { (Clerks.ResidentClerk, Clerks.ResidentRegistry), (Clerks.PrivacyOfficer, Clerks.ResidentRegistry), (Clerks.Resident(RelatedSeed.Head), "self-view") })
        {
            foreach (var call in calls)
            {
                var (_, body) = await SendAsync(call, null, token, task);

                Assert.True(body["data"] is null || body["data"]!.AsObject().All(p => p.Value is null), body.ToJsonString());
                Assert.Equal("FIELD_FORBIDDEN", (string?)body["errors"]![0]!["extensions"]!["code"]);
                Assert.DoesNotContain("role:", body.ToJsonString(), StringComparison.Ordinal);
            }
        }
    }

    private async Task<(int Number, string PolicyText)> InForceAsync()
    {
        var versions = (await OfficerAsync("{ policyVersions { number state policyText } }"))["policyVersions"]!.AsArray();
        var published = versions.Single(v => (string?)v!["state"] == "PUBLISHED")!;
        return ((int)published["number"]!, (string)published["policyText"]!);
    }

    private async Task<JsonNode> ReviewerAsync(string query, object? variables = null)
    {
        var (_, body) = await SendAsync(query, variables, Clerks.PrivacyReviewer, Clerks.PrivacyAudit);
        Assert.True(body["errors"] is null, body["errors"]?.ToJsonString());
        return body["data"]!;
    }

    private async Task<JsonNode> OfficerAsync(string query, object? variables = null)
    {
        var (_, body) = await SendAsync(query, variables, Clerks.PrivacyOfficer, Clerks.PrivacyAudit);
        Assert.True(body["errors"] is null, body["errors"]?.ToJsonString());
        return body["data"]!;
    }

    private async Task<(HttpResponseMessage, JsonNode)> SendAsync(string query, object? variables, string token, string task)
    {
        var client = await fixture.ClientAsync();
        return await client.SendAsync(GraphQLClient.Post(query, variables, token, task, purpose: "ポリシー管理", caseId: "POL-1"));
    }
}
