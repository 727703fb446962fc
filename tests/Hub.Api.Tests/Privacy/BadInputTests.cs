using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Api.Security;
using Hub.Api.Tests.Http;

namespace Hub.Api.Tests.Privacy;

/// <summary>
/// Bad input never becomes a log line or an internal error. The real hub runs as a process on a small demo city with
/// every log level of its own code at Verbose (and the framework's at Information); the test sends a malformed value to
/// every argument of the schema (found by introspection, so a new argument is covered without editing this test) and
/// odd values to every HTTP endpoint and header, each carrying a unique canary. Every answer must be a clear error
/// (BAD_USER_INPUT or NOT_FOUND naming the argument, for identifiers, dates, cursors, criteria, form ids and events),
/// never INTERNAL_ERROR or a 500; and nothing the hub wrote to standard output or standard error may hold a canary.
/// </summary>
public sealed class BadInputTests
{
    /// <summary>Arguments whose malformed value must be answered BAD_USER_INPUT or NOT_FOUND, naming the argument.</summary>
    private static readonly HashSet<string> Checked = new(StringComparer.Ordinal)
    {
        "atenaNumber", "householdNumber", "myNumber", "after", "criteria", "formId", "event", "asOf", "on", "birthDate", "from", "to", "path", "fiscalYear", "kana",
    };

    private static readonly string[] LogSettings =
    [
        "--Serilog:MinimumLevel:Default=Verbose",
        "--Serilog:MinimumLevel:Override:Hub=Verbose",
        "--Serilog:MinimumLevel:Override:Microsoft=Information",
        "--Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore=Information",
        "--Serilog:MinimumLevel:Override:Quartz=Information",
    ];

    private int _canaries;

    [Fact]
    public async Task MalformedValues_ToEveryArgumentAndEndpoint_AreClearErrorsAndNeverLogged()
    {
        await using var hub = await RunningHub.StartAsync("Development", demoResidents: 1000, LogSettings);
        using var http = new HttpClient { BaseAddress = new Uri(hub.BaseUrl + "/") };
        var canaries = new List<string>();
        var problems = new List<string>();
        var clerk = Token("demo-resident-clerk");
        var (atena, household, myNumber) = await SomeResidentAsync(http, clerk);
        var resident = DevelopmentTokens.Issue("portal-user", ["resident"], TimeSpan.FromMinutes(10), atena);
        var head = DevelopmentTokens.Issue("portal-head", ["resident"], TimeSpan.FromMinutes(10), await HeadWithMembersAsync(http, clerk));

        // Every argument of every field, from the schema itself.
        var schema = await PostAsync(http, clerk, "resident-registry", """{ __schema { types { name fields { name type { ...T } args { name type { ...T } } } } } } fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }""", null);
        var types = schema["data"]!["__schema"]!["types"]!.AsArray();
        var arguments = 0;
        foreach (var type in types.Where(t => t!["fields"] is JsonArray && !t["name"]!.GetValue<string>().StartsWith("__", StringComparison.Ordinal)))
        {
            var typeName = type!["name"]!.GetValue<string>();
            foreach (var field in type["fields"]!.AsArray().Where(f => f!["args"]!.AsArray().Count > 0))
            {
                var args = field!["args"]!.AsArray().Select(a => (Name: a!["name"]!.GetValue<string>(), Type: TypeRef(a["type"]!))).ToList();
                var (wrap, token, task) = Reach(typeName, field["name"]!.GetValue<string>(), atena, household, clerk, typeName == "ActingFor" ? head : resident);
                Assert.True(wrap is not null, $"{typeName}.{field["name"]} has arguments but this test does not know how to reach it: add it to Reach.");
                foreach (var (name, typeRef) in args)
                {
                    foreach (var bad in Malformed(typeRef, NextCanary(canaries)))
                    {
                        arguments++;
                        var variables = new JsonObject();
                        foreach (var (other, otherType) in args)
                        {
                            variables[other] = other == name ? bad?.DeepClone() : Valid(other, otherType, atena, household, myNumber);
                        }

                        var declared = string.Join(", ", args.Select(a => $"${a.Name}: {a.Type}"));
                        var call = $"{field["name"]}({string.Join(", ", args.Select(a => $"{a.Name}: ${a.Name}"))})";
                        var query = $"query Q({declared}) {{ {wrap!(call + " { __typename }")} }}".Replace(" { __typename }", Selection(field), StringComparison.Ordinal);
                        var operation = typeName == "Mutation" ? "mutation" + query[5..] : query;
                        var answer = await PostAsync(http, token!, task!, operation, variables);
                        Check($"{typeName}.{field["name"]}({name})", name, answer, problems);
                    }
                }
            }
        }

        Assert.True(arguments > 40, $"only {arguments} malformed arguments were sent: the schema walk found too few fields");
        await ProbeEndpointsAsync(http, clerk, canaries, problems);
        await SendAttachmentsAsync(http, DevelopmentTokens.Issue("portal-user", ["resident"], TimeSpan.FromMinutes(10), atena, "password"), atena, canaries, async (what, request) =>
        {
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            if ((int)response.StatusCode >= 500)
            {
                problems.Add($"{what}: HTTP {(int)response.StatusCode}");
            }
        });

        // Give the hub a moment to flush its log, then read everything it wrote.
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        var output = hub.Output;
        var logged = canaries.Where(c => output.Contains(c, StringComparison.Ordinal)).ToList();
        Assert.True(logged.Count == 0, $"the hub wrote values a caller sent: {string.Join(", ", logged)}\n{Excerpt(output, logged)}");
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(40)));
    }

    private string NextCanary(List<string> canaries)
    {
        var canary = $"ZQ{Interlocked.Increment(ref _canaries):D4}X";
        canaries.Add(canary);
        return canary;
    }

    // Malformed values of an argument's type, each carrying the canary; null (a missing non-null argument) included.
    private static IEnumerable<JsonNode?> Malformed(string type, string canary)
    {
        var named = type.Trim('!', '[', ']');
        yield return $"{canary} 123456789018 東京都千代田区千代田1-1 ハイツ101";
        yield return $"{{\"definition\":\"{canary}\"";
        if (named is "Int" or "Long")
        {
            yield return JsonValue.Create(long.MaxValue);
        }
        else if (named == "String")
        {
            yield return $"{canary}{new string('9', 300)}";
            yield return Convert.ToBase64String(Encoding.ASCII.GetBytes($"pt:{canary}"));
            yield return $"{{\"age\":{{\"min\":\"{canary}\"}}}}";
            yield return $"１２３{canary}";
        }
        else if (named is "Date" or "DateTime")
        {
            yield return $"2026-02-30{canary}";
            yield return $"令和6年4月1日{canary}";
        }
    }

    private static JsonNode? Valid(string name, string type, string atena, string household, string myNumber) => name switch
    {
        "atenaNumber" => atena,
        "householdNumber" => household,
        "myNumber" => myNumber,
        "formId" => "nhi-enrolment",
        "event" => "BIRTH",
        "criteria" => """{"age":{"min":0,"max":2,"uncertain":"separate"}}""",
        "path" => "resident.address",
        "reason" => "bad input test",
        "policyText" or "modelText" => null,
        "after" => null,
        _ => type.Trim('!') switch
        {
            "Int" or "Long" => 1,
            "Date" => "2026-04-01",
            "DateTime" => "2026-04-01T00:00:00Z",
            "Boolean" => true,
            _ => type.EndsWith('!') ? "x" : null,
        },
    };

    // How to reach a field that has arguments: the document around it, the token and the task.
    private static (Func<string, string>? Wrap, string? Token, string? Task) Reach(string type, string field, string atena, string household, string clerk, string resident) =>
        (type, field) switch
        {
            ("Query", "pushTargets" or "pushTargetSummary") => (s => s, Token("demo-planner"), "child-allowance"),
            ("Query", "accessRecords" or "policyVersions" or "policyDiff" or "policyPreview") => (s => s, Token("demo-privacy-officer"), "privacy-audit"),
            ("Query", _) => (s => s, clerk, "resident-registry"),
            ("Mutation", _) => (s => s, Token("demo-privacy-officer"), "privacy-audit"),
            ("Resident", _) => (s => $"resident(atenaNumber: \"{atena}\") {{ {s} }}", clerk, "resident-registry"),
            ("Household", _) => (s => $"household(householdNumber: \"{household}\") {{ {s} }}", clerk, "resident-registry"),
            ("Me", _) => (s => $"me {{ {s} }}", resident, "portal"),
            ("ActingFor", _) => (s => $"me {{ actingFor {{ {s} }} }}", resident, "resident-portal"),
            _ => (null, null, null),
        };

    // A field of object type needs a selection; a scalar or enum field takes none.
    private static string Selection(JsonNode field)
    {
        var type = field["type"]!;
        while (type["ofType"] is { } inner)
        {
            type = inner;
        }

        return type["kind"]!.GetValue<string>() is "SCALAR" or "ENUM" ? string.Empty : " { __typename }";
    }

    private static void Check(string what, string argument, JsonNode answer, List<string> problems)
    {
        var errors = answer["errors"]?.AsArray() ?? [];
        var codes = errors.Select(e => e!["extensions"]?["code"]?.GetValue<string>()).ToList();
        if (answer["status"]!.GetValue<int>() >= 500 || codes.Contains("INTERNAL_ERROR"))
        {
            problems.Add($"{what}: internal error: {answer.ToJsonString()[..Math.Min(400, answer.ToJsonString().Length)]}");
            return;
        }

        if (Checked.Contains(argument) && errors.Count > 0)
        {
            var named = errors.Any(e => e!["extensions"]?["code"]?.GetValue<string>() is "BAD_USER_INPUT" or "NOT_FOUND"
                && (e["message"]!.GetValue<string>().Contains($"'{argument}'", StringComparison.Ordinal) || e["message"]!.GetValue<string>().Contains($"${argument}", StringComparison.Ordinal) || e["extensions"]?["code"]?.GetValue<string>() == "NOT_FOUND"));
            if (!named)
            {
                problems.Add($"{what}: expected BAD_USER_INPUT naming '{argument}' (or NOT_FOUND), got {string.Join(", ", codes)}: {errors[0]!["message"]}");
            }
        }
    }

    private async Task ProbeEndpointsAsync(HttpClient http, string clerk, List<string> canaries, List<string> problems)
    {
        var planner = Token("demo-planner");
        async Task Send(string what, HttpRequestMessage request)
        {
            using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
            if ((int)response.StatusCode >= 500)
            {
                problems.Add($"{what}: HTTP {(int)response.StatusCode}");
            }
        }

        HttpRequestMessage Graph(string body, string? token, string task, string contentType = "application/json", string? purpose = "bad-input")
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = new StringContent(body, Encoding.UTF8) };
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            if (token is not null)
            {
                request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            }

            request.Headers.TryAddWithoutValidation("X-Hub-Task", task);
            if (purpose is not null)
            {
                request.Headers.TryAddWithoutValidation("X-Hub-Purpose", purpose);
            }

            return request;
        }

        await Send("body not JSON", Graph($"{{\"query\": \"{NextCanary(canaries)}", clerk, "resident-registry"));
        await Send("query not GraphQL", Graph(new JsonObject { ["query"] = $"{{ resident(atenaNumber: {NextCanary(canaries)}) }}" }.ToJsonString(), clerk, "resident-registry"));
        await Send("variables not an object", Graph(new JsonObject { ["query"] = "{ __typename }", ["variables"] = NextCanary(canaries) }.ToJsonString(), clerk, "resident-registry"));
        await Send("extensions.hub odd", Graph(new JsonObject { ["query"] = "{ __typename }", ["extensions"] = new JsonObject { ["hub"] = new JsonObject { ["task"] = NextCanary(canaries), ["purpose"] = NextCanary(canaries), ["case"] = NextCanary(canaries) } } }.ToJsonString(), clerk, "x", purpose: null));
        await Send("wrong content type", Graph(NextCanary(canaries), clerk, "resident-registry", "text/plain"));
        await Send("token not a JWT", Graph("{\"query\":\"{ __typename }\"}", NextCanary(canaries), "resident-registry"));
        await Send("task unknown", Graph("{\"query\":\"{ resident(atenaNumber: \\\"1\\\") { name } }\"}", clerk, NextCanary(canaries)));
        await Send("purpose odd", Graph("{\"query\":\"{ __typename }\"}", clerk, "resident-registry", purpose: NextCanary(canaries)));
        var withCase = Graph("{\"query\":\"{ __typename }\"}", clerk, "resident-registry");
        withCase.Headers.TryAddWithoutValidation("X-Hub-Case", NextCanary(canaries));
        withCase.Headers.TryAddWithoutValidation("X-Hub-Client", NextCanary(canaries));
        await Send("case and client odd", withCase);
        await Send("GET query", new HttpRequestMessage(HttpMethod.Get, $"graphql?query={Uri.EscapeDataString("{ " + NextCanary(canaries) + " }")}&variables={NextCanary(canaries)}"));

        foreach (var path in new[]
        {
            $"exports/push-targets/{NextCanary(canaries)}",
            $"exports/push-targets/child-allowance-unclaimed?asOf={NextCanary(canaries)}",
            $"exports/push-targets/child-allowance-unclaimed?format={NextCanary(canaries)}",
            $"exports/push-targets/child-allowance-unclaimed?asOf=2026-02-30&x={NextCanary(canaries)}",
            $"healthz?{NextCanary(canaries)}",
            $"graphql/ui/{NextCanary(canaries)}",
            NextCanary(canaries),
        })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + planner);
            request.Headers.TryAddWithoutValidation("X-Hub-Task", "child-allowance");
            request.Headers.TryAddWithoutValidation("X-Hub-Purpose", "bad-input");
            await Send($"GET {path}", request);
        }
    }

    // 添付書類 over HTTP: odd ids, file names, types and bodies, each with a canary, on a real application of the resident.
    private async Task SendAttachmentsAsync(HttpClient http, string resident, string atena, List<string> canaries, Func<string, HttpRequestMessage, Task> send)
    {
        var submitted = await PostAsync(http, resident, "resident-portal", $$"""mutation { submitApplication(event: MOVE_IN, atenaNumber: "{{atena}}", on: "2026-04-01") { id } }""", null);
        var application = submitted["data"]?["submitApplication"]?["id"]?.GetValue<string>();
        Assert.True(application is not null, submitted.ToJsonString());
        HttpRequestMessage Upload(string path, byte[] body, string type, string? fileName)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
            request.Content.Headers.TryAddWithoutValidation("Content-Type", type);
            if (fileName is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Disposition", $"attachment; filename*=UTF-8''{Uri.EscapeDataString(fileName)}");
            }

            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + resident);
            request.Headers.TryAddWithoutValidation("X-Hub-Task", "resident-portal");
            request.Headers.TryAddWithoutValidation("X-Hub-Purpose", "bad-input");
            return request;
        }

        var pdf = Encoding.UTF8.GetBytes("%PDF-" + NextCanary(canaries));
        await send("upload to an odd application id", Upload($"intake/applications/{NextCanary(canaries)}/attachments", pdf, "application/pdf", "a.pdf"));
        await send("upload to an odd leg id", Upload($"intake/applications/{application}/attachments?legId={NextCanary(canaries)}", pdf, "application/pdf", "a.pdf"));
        await send("upload to an unknown leg", Upload($"intake/applications/{application}/attachments?legId={Guid.NewGuid()}", pdf, "application/pdf", "a.pdf"));
        await send("upload with an odd file name", Upload($"intake/applications/{application}/attachments", pdf, "application/pdf", $"../{NextCanary(canaries)} 山田太郎.pdf"));
        await send("upload with a control character in the name", Upload($"intake/applications/{application}/attachments", pdf, "application/pdf", $"{NextCanary(canaries)}\u0007.pdf"));
        await send("upload of an odd type", Upload($"intake/applications/{application}/attachments", pdf, $"text/{NextCanary(canaries)}", "a.txt"));
        await send("upload with a malformed type", Upload($"intake/applications/{application}/attachments", pdf, $"{NextCanary(canaries)};;=", "a.pdf"));
        await send("upload not what it says", Upload($"intake/applications/{application}/attachments", Encoding.UTF8.GetBytes(NextCanary(canaries)), "image/png", "a.png"));
        await send("multipart without a boundary", Upload($"intake/applications/{application}/attachments", pdf, "multipart/form-data", null));
        await send("multipart malformed", Upload($"intake/applications/{application}/attachments", Encoding.UTF8.GetBytes($"--b\r\nContent-Disposition: form-data; name=\"{NextCanary(canaries)}\"; filename=\"{NextCanary(canaries)}\"\r\n\r\n%PDF-"), "multipart/form-data; boundary=b", null));
        foreach (var id in new[] { NextCanary(canaries), Guid.NewGuid().ToString() })
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"intake/attachments/{id}");
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + resident);
            request.Headers.TryAddWithoutValidation("X-Hub-Task", "resident-portal");
            request.Headers.TryAddWithoutValidation("X-Hub-Purpose", "bad-input");
            await send($"GET attachment {id.Length}", request);
        }
    }

    private static string Token(string user) => DevelopmentTokens.Issue(user, ["staff"], TimeSpan.FromMinutes(10));

    // A 世帯主 whose household has a child, so `me { actingFor { … } }` reaches the arguments under it.
    private static async Task<string> HeadWithMembersAsync(HttpClient http, string clerk)
    {
        var answer = await PostAsync(http, clerk, "resident-registry", """{ searchResidents(kana: "サ", first: 50) { householdNumber relationship } }""", null);
        var household = answer["data"]!["searchResidents"]!.AsArray().First(r => r!["relationship"]?.GetValue<string>() == "子")!["householdNumber"]!.GetValue<string>();
        var members = await PostAsync(http, clerk, "resident-registry", $$"""{ household(householdNumber: "{{household}}") { members { atenaNumber relationship } } }""", null);
        return members["data"]!["household"]!["members"]!.AsArray().First(m => m!["relationship"]!.GetValue<string>() == "世帯主")!["atenaNumber"]!.GetValue<string>();
    }

    private static async Task<(string Atena, string Household, string MyNumber)> SomeResidentAsync(HttpClient http, string clerk)
    {
        var answer = await PostAsync(http, clerk, "resident-registry", """{ searchResidents(kana: "サ", first: 5) { atenaNumber householdNumber myNumber } }""", null);
        var found = answer["data"]!["searchResidents"]!.AsArray().First(r => r!["householdNumber"] is not null && r["myNumber"] is not null)!;
        return (found["atenaNumber"]!.GetValue<string>(), found["householdNumber"]!.GetValue<string>(), found["myNumber"]!.GetValue<string>());
    }

    private static async Task<JsonNode> PostAsync(HttpClient http, string token, string task, string query, JsonObject? variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql")
        {
            Content = new StringContent(new JsonObject { ["query"] = query, ["variables"] = variables }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.TryAddWithoutValidation("X-Hub-Task", task);
        request.Headers.TryAddWithoutValidation("X-Hub-Purpose", "bad-input");
        using var response = await http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)) as JsonObject ?? [];
        body["status"] = (int)response.StatusCode;
        return body;
    }

    private static string TypeRef(JsonNode type) => type["kind"]!.GetValue<string>() switch
    {
        "NON_NULL" => TypeRef(type["ofType"]!) + "!",
        "LIST" => "[" + TypeRef(type["ofType"]!) + "]",
        _ => type["name"]!.GetValue<string>(),
    };

    private static string Excerpt(string output, IEnumerable<string> canaries) =>
        string.Join("\n", output.Split('\n').Where(l => canaries.Any(c => l.Contains(c, StringComparison.Ordinal))).Take(5).Select(l => l.Length > 500 ? l[..500] : l));
}
