using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Adapters.Catalog;
using Hub.Api.Security;
using Hub.Policy.Masks;

namespace Hub.Api.Tests.Privacy;

/// <summary>One answer of the hub: its output kind, the action its fields need, the bytes, and the paths its access record names.</summary>
internal sealed record Observation(string Output, IReadOnlyList<FieldAction> Actions, string Body, IReadOnlyList<string> RecordedPaths);

/// <summary>
/// Every output kind the privacy closure covers, asked about the subject of a <see cref="CityValues"/> as one staff user
/// in one task: field values and relations, field history, search keys, My Number lookup, every form's pre-fill (for the
/// subject and for the head, whose member section lists the subject), every life event's guide, push lists filtered on
/// each criterion kind with their counts, summaries, saved definitions and their HTTP exports.
/// </summary>
internal sealed class Outputs(PrivacyCity city)
{
    private const string On = "2026-04-01";

    private static readonly string[] Events = ["BIRTH", "MOVE_IN", "MOVE_OUT", "MOVE_WITHIN", "DEATH", "MARRIAGE", "DIVORCE", "RETIREMENT"];

    private static readonly string[] Forms = ["child-allowance-application", "nursery-admission", "nhi-enrolment", "move-in-household-members"];

    private static readonly string[] Definitions = ["child-allowance-unclaimed", "elderly-living-alone-area", "late-elderly-transition", "newborn-households"];

    /// <summary>One criterion of each kind (schemas/push-targets), so a list is filtered on every field a criterion can read.</summary>
    private static readonly (string Name, string Json)[] Criteria =
    [
        ("region", """{"region":{"areaCodes":["0001001","0001002","0002001","0003002"],"postalCodes":["299-0031"]}}"""),
        ("age", """{"age":{"min":0,"max":5,"uncertain":"separate"}}"""),
        ("turnsAge", """{"turnsAge":{"age":76,"window":{"nextDays":365},"uncertain":"separate"}}"""),
        ("relationship", """{"relationship":["子"]}"""),
        ("movedInSince", """{"movedInSince":"2026-01-01"}"""),
        ("householdSize", """{"householdSize":{"min":3}}"""),
        ("householdMemberAged", """{"householdMemberAged":{"min":70,"uncertain":"include"}}"""),
        ("householdChildren", """{"householdChildren":{"min":2,"uncertain":"include"}}"""),
        ("singleParent", """{"singleParent":{"uncertain":"include"}}"""),
        ("elderlyLivingAlone", """{"elderlyLivingAlone":{"minAge":65,"uncertain":"include"}}"""),
        ("birthInHousehold", """{"birthInHousehold":{"since":"2025-01-01","uncertain":"include"}}"""),
        ("nhiMember", """{"nhiMember":true}"""),
        ("childAllowanceRecipient", """{"childAllowanceRecipient":true}"""),
        ("childAllowanceChild", """{"childAllowanceChild":true}"""),
        ("householdChildAllowance", """{"householdChildAllowance":true}"""),
        ("nonTaxableHousehold", """{"nonTaxableHousehold":{"fiscalYear":"current"}}"""),
    ];

    /// <summary>
    /// Outputs no task of the default policy may have: no task may extract 国保, tax or 対象児童 fields, so a list filtered
    /// on them is refused to every grant (the planner's nhiMember list of the issue that started this).
    /// </summary>
    public static readonly IReadOnlySet<string> RefusedByDefaultPolicy = new HashSet<string>(
        new[] { "nhiMember", "childAllowanceChild", "nonTaxableHousehold" }.SelectMany(c => new[] { $"push {c}", $"summary {c}" }),
        StringComparer.Ordinal);

    private static readonly FieldAction[] Read = [FieldAction.Read];
    private static readonly FieldAction[] Extract = [FieldAction.Extract];
    private static readonly FieldAction[] Lookup = [FieldAction.Lookup, FieldAction.Read];

    private static readonly Lazy<string> ResidentFields = new(() => Selection("resident", "birthDate { text earliest latest precision onCalendar }"));

    /// <summary>Every output for <paramref name="grant"/> about <paramref name="values"/>'s subject, asked with the values of the first city (search keys, My Number).</summary>
    public async Task<List<Observation>> ObserveAsync(Grant grant, CityValues values)
    {
        var token = DevelopmentTokens.Issue(grant.User, ["staff"], TimeSpan.FromMinutes(10));
        var subject = values.Subject;
        var kana = (subject.NameKana ?? "ア")[..Math.Min(2, (subject.NameKana ?? "ア").Length)];
        var birth = (subject.BirthDateEarliest ?? new DateOnly(1980, 1, 1)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var observations = new List<Observation>();
        async Task Ask(string output, IReadOnlyList<FieldAction> actions, string query)
        {
            var (body, paths) = await PostAsync(token, grant.Task, query);
            observations.Add(new Observation(output, actions, body, paths));
        }

        await Ask("resident", Read, string.Join(' ',
            $$"""{ resident(atenaNumber: "{{subject.AtenaNumber}}") { {{ResidentFields.Value}}""",
            $$"""household { {{Selection("household", string.Empty)}} members { atenaNumber name relationship birthDate { text } } }""",
            $$"""taxAssessments { {{Selection("tax", string.Empty)}} }""",
            $$"""nhiQualification { {{Selection("nhi", string.Empty)}} }""",
            $$"""childAllowanceEntitlements { {{Selection("childAllowance", string.Empty)}} }""",
            """addressHistory: history(path: "resident.address") { value uncertain validFrom validTo }""",
            """nameHistory: history(path: "resident.name") { value validFrom validTo } } }"""));
        await Ask("household", Read, $$"""{ household(householdNumber: "{{values.OwnHousehold}}") { {{Selection("household", string.Empty)}} members { atenaNumber name relationship } } }""");
        await Ask("search by kana", Read, $$"""{ searchResidents(kana: "{{kana}}", first: 50) { atenaNumber name } }""");
        await Ask("search by birth date", Read, $$"""{ searchResidents(birthDate: "{{birth}}", first: 50) { atenaNumber name } }""");
        await Ask("lookup by My Number", Lookup, $$"""{ residentByMyNumber(myNumber: "{{subject.MyNumber}}") { atenaNumber name } }""");
        foreach (var form in Forms)
        {
            foreach (var (who, atena) in new[] { ("subject", subject.AtenaNumber), ("head", values.Head) })
            {
                await Ask($"prefill {form} of the {who}", Read, $$"""{ prefill(formId: "{{form}}", atenaNumber: "{{atena}}") { items { id status value sourceSystem } membersStatus members { items { id status value } } } }""");
            }
        }

        foreach (var lifeEvent in Events)
        {
            await Ask($"guide {lifeEvent}", Read, $$"""{ lifeEventGuide(event: {{lifeEvent}}, atenaNumber: "{{subject.AtenaNumber}}", on: "{{On}}") { event atenaNumber on procedures { id name status reason formId done doneReason undecidedBy } } }""");
        }

        foreach (var (name, json) in Criteria.Concat(Definitions.Select(d => ($"definition {d}", $$"""{"definition":"{{d}}"}"""))))
        {
            var criteria = Quote(json);
            await Ask($"push {name}", Extract, $$"""{ pushTargets(criteria: {{criteria}}, asOf: "{{On}}", first: 1000) { totalCount hasNextPage nodes { atenaNumber householdNumber name nameKana sex birthDateText relationship postalCode areaCode address addressSupplement ageUncertain } } }""");
            await Ask($"summary {name}", Extract, $$"""{ pushTargetSummary(criteria: {{criteria}}, asOf: "{{On}}") { bands cells { areaCode ageBand count suppressed } } }""");
        }

        foreach (var definition in Definitions)
        {
            var (body, paths) = await GetAsync(token, grant.Task, $"/exports/push-targets/{definition}?asOf={On}&format=ndjson");
            observations.Add(new Observation($"export {definition}", Extract, body, paths));
        }

        return observations;
    }

    private async Task<(string Body, IReadOnlyList<string> Paths)> PostAsync(string token, string task, string query)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(new JsonObject { ["query"] = query }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        return await SendAsync(request, token, task);
    }

    private Task<(string Body, IReadOnlyList<string> Paths)> GetAsync(string token, string task, string path) =>
        SendAsync(new HttpRequestMessage(HttpMethod.Get, path), token, task);

    private async Task<(string Body, IReadOnlyList<string> Paths)> SendAsync(HttpRequestMessage request, string token, string task)
    {
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Add("X-Hub-Task", task);
        request.Headers.Add("X-Hub-Purpose", "non-interference");
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Accept.ParseAdd("application/x-ndjson");
        var before = city.Records.Appended.Count;
        using var response = await city.Client.SendAsync(request, TestContext.Current.CancellationToken);
        var body = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}";
        var paths = city.Records.Appended.Skip(before).SelectMany(r => r.Entry.Paths).Distinct(StringComparer.Ordinal).ToList();
        return (body, paths);
    }

    private static string Quote(string json) => System.Text.Json.JsonSerializer.Serialize(json);

    // Every scalar field of a catalog record, by its GraphQL name (the catalog's), with special selections where needed.
    private static string Selection(string record, string birthDate) =>
        string.Join(' ', Catalog.Value.Fields
            .Where(f => f.Record == record && f.Relation is null && f.Type != "array")
            .Select(f => f.Name == "birthDate" ? birthDate : f.Name)
            .Where(s => s.Length > 0));

    private static readonly Lazy<FieldCatalog> Catalog = new(FieldCatalog.LoadDefault);
}
