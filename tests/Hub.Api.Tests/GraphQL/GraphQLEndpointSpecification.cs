using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Hub.Api.Security;
using Hub.Api.Tests.Support;

namespace Hub.Api.Tests.GraphQL;

/// <summary>
/// The GraphQL endpoint end to end through HTTP against a real, seeded database. Each provider subclasses it with
/// its fixture, so one suite runs on every engine.
/// </summary>
public abstract class GraphQLEndpointSpecification<TFixture>(TFixture fixture)
    where TFixture : HubApiFixture
{
    private const string ResidentQuery = """
        query Resident($atena: String!) {
          resident(atenaNumber: $atena) {
            atenaNumber juminhyoCode name nameKana alias aliasKana nationality residentKind sex
            birthDate { text earliest latest precision onCalendar }
            relationship householdNumber postalCode areaCode address addressSupplement
            status changeReason changeDate notifiedOn
            household { householdNumber headAtenaNumber headName members { atenaNumber name relationship } }
          }
        }
        """;

    [Fact]
    public async Task Resident_Existing_ReturnsLatestFieldsAndMembersWithRelationship()
    {
        var client = await ClientAsync();

        var (response, body) = await client.SendAsync(Post(ResidentQuery, new { atena = CitySeed.Taro }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(body["errors"]);
        var resident = body["data"]!["resident"]!;
        Assert.Equal("山田 太郎", (string?)resident["name"]); // the latest version, not the superseded 太朗
        Assert.Equal("ヤマダ タロウ", (string?)resident["nameKana"]);
        Assert.Equal("世帯主", (string?)resident["relationship"]);
        Assert.Equal("昭和50年4月1日", (string?)resident["birthDate"]!["text"]);
        Assert.Equal("1975-04-01", (string?)resident["birthDate"]!["earliest"]);
        Assert.Equal("Day", (string?)resident["birthDate"]!["precision"]);
        Assert.Equal("2020-04-01", (string?)resident["changeDate"]);
        var household = resident["household"]!;
        Assert.Equal(CitySeed.YamadaHousehold, (string?)household["householdNumber"]);
        var members = household["members"]!.AsArray().Select(m => ((string?)m!["atenaNumber"], (string?)m["relationship"])).ToList();
        Assert.Equal([(CitySeed.Taro, "世帯主"), (CitySeed.Hanako, "妻"), (CitySeed.Ichiro, "子")], members); // 消除 父 is not a member
    }

    [Fact]
    public async Task Resident_OffCalendarAndForeign_KeepsTextAliasAndPrecision()
    {
        var client = await ClientAsync();

        var (_, body) = await client.SendAsync(Post(
            "{ ichiro: resident(atenaNumber: \"200003\") { birthDate { text earliest latest onCalendar } } lan: resident(atenaNumber: \"200005\") { alias nationality residentKind birthDate { text precision } } }"));

        Assert.Null(body["errors"]);
        Assert.Equal("平成23年2月29日", (string?)body["data"]!["ichiro"]!["birthDate"]!["text"]);
        Assert.False((bool)body["data"]!["ichiro"]!["birthDate"]!["onCalendar"]!);
        // Off the calendar: the last day of February or the first of March (docs/push-targets.md, "Ages and 不詳 birth dates").
        Assert.Equal(("2011-02-28", "2011-03-01"), ((string?)body["data"]!["ichiro"]!["birthDate"]!["earliest"], (string?)body["data"]!["ichiro"]!["birthDate"]!["latest"]));
        Assert.Equal("中村 蘭", (string?)body["data"]!["lan"]!["alias"]);
        Assert.Equal("外国人", (string?)body["data"]!["lan"]!["residentKind"]);
    }

    [Fact]
    public async Task Resident_Removed_IsFoundWithItsStatus()
    {
        var client = await ClientAsync();

        var (_, body) = await client.SendAsync(Post("{ resident(atenaNumber: \"200004\") { status changeReason birthDate { precision } } }"));

        Assert.Equal("消除", (string?)body["data"]!["resident"]!["status"]);
        Assert.Equal("Unknown", (string?)body["data"]!["resident"]!["birthDate"]!["precision"]);
    }

    [Fact]
    public async Task Resident_UnknownAtena_NullWithNotFound()
    {
        var client = await ClientAsync();

        var (response, body) = await client.SendAsync(Post(ResidentQuery, new { atena = "999999" }));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((JsonNode?)body["data"]!["resident"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("NOT_FOUND", (string?)error["extensions"]!["code"]);
        Assert.Equal("resident", (string?)error["path"]![0]);
    }

    [Fact]
    public async Task Household_ManyHouseholdsAndNestedMembers_OneFetchPerLevel()
    {
        var started = await fixture.GetAsync();
        var client = new GraphQLClient(started.Factory.CreateClient());
        using var fetches = new LoaderFetchCount(started.Factory.Services);

        var (_, body) = await client.SendAsync(Post("""
            {
              a: household(householdNumber: "100001") { members { name household { householdNumber members { atenaNumber } } } }
              b: household(householdNumber: "100002") { members { name household { householdNumber members { atenaNumber } } } }
            }
            """));

        Assert.Null(body["errors"]);
        Assert.Equal(3, body["data"]!["a"]!["members"]!.AsArray().Count);
        Assert.Single(body["data"]!["b"]!["members"]!.AsArray());

        // Households of both roots in one query, members of both in one; nested households and members come from the
        // request's cache. N+1 would run one per member (at least 6 here).
        Assert.Equal(2, fetches.Count);
    }

    [Fact]
    public async Task Household_Unknown_NullWithNotFound()
    {
        var client = await ClientAsync();

        var (_, body) = await client.SendAsync(Post("{ household(householdNumber: \"999\") { householdNumber } }"));

        Assert.Null((JsonNode?)body["data"]!["household"]);
        Assert.Equal("NOT_FOUND", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Request_WithoutToken_401Unauthenticated()
    {
        var client = await ClientAsync();
        var request = Post(ResidentQuery, new { atena = CitySeed.Taro }, token: string.Empty);

        var (response, body) = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("UNAUTHENTICATED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task Request_WithTokenSignedByAnotherKey_401Unauthenticated()
    {
        var client = await ClientAsync();
        var forged = Security.TestTokens.Sign(new byte[32], "intruder", ["staff"]);

        var (response, body) = await client.SendAsync(Post(ResidentQuery, new { atena = CitySeed.Taro }, token: forged));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHENTICATED", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Request_ExpiredToken_401EvenRightAfterAValidTokenOfTheSameUser()
    {
        var client = await ClientAsync();
        var valid = DevelopmentTokens.Issue("demo-child-clerk", ["staff"], TimeSpan.FromMinutes(5));
        var hourAgo = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        var expired = DevelopmentTokens.Issue("demo-child-clerk", ["staff"], TimeSpan.FromMinutes(5), null, new HubAuthOptions(), null, hourAgo);

        var (first, _) = await client.SendAsync(Post(ResidentQuery, new { atena = CitySeed.Taro }, token: valid));
        var (again, _) = await client.SendAsync(Post(ResidentQuery, new { atena = CitySeed.Taro }, token: valid));
        var (response, body) = await client.SendAsync(Post(ResidentQuery, new { atena = CitySeed.Taro }, token: expired));

        Assert.NotEqual(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.NotEqual(HttpStatusCode.Unauthorized, again.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("UNAUTHENTICATED", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task Request_RefusedToken_RefusedEveryTime()
    {
        var client = await ClientAsync();
        var forged = Security.TestTokens.Sign(new byte[32], "intruder", ["staff"]);

        var (first, _) = await client.SendAsync(Post(ResidentQuery, new { atena = CitySeed.Taro }, token: forged));
        var (second, body) = await client.SendAsync(Post(ResidentQuery, new { atena = CitySeed.Taro }, token: forged));

        Assert.Equal(HttpStatusCode.Unauthorized, first.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task Request_WithResidentToken_ReadsOwnRecordThroughMeOnly()
    {
        var client = await ClientAsync();
        var token = DevelopmentTokens.Issue("portal-user", ["resident"], TimeSpan.FromMinutes(5), CitySeed.Hanako);

        var (response, body) = await client.SendAsync(Post("{ me { resident { name } } resident(atenaNumber: \"200002\") { name } }", token: token, task: "self-view"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("山田 花子", (string?)body["data"]!["me"]!["resident"]!["name"]);
        Assert.Null((JsonNode?)body["data"]!["resident"]);
        Assert.Equal("FIELD_FORBIDDEN", (string?)Assert.Single(body["errors"]!.AsArray())!["extensions"]!["code"]);
    }

    [Theory]
    [InlineData(null, "窓口")]
    [InlineData("JUMIN-001", null)]
    [InlineData(null, null)]
    public async Task Request_WithoutTaskOrPurpose_ContextRequiredAndDataNull(string? task, string? purpose)
    {
        var (client, contexts) = await ClientAndContextsAsync();
        var before = contexts.Created;

        var (response, body) = await client.SendAsync(Post(ResidentQuery, new { atena = CitySeed.Taro }, task: task, purpose: purpose));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.AsObject().ContainsKey("data"));
        Assert.Null((JsonNode?)body["data"]);
        var error = Assert.Single(body["errors"]!.AsArray())!;
        Assert.Equal("CONTEXT_REQUIRED", (string?)error["extensions"]!["code"]);
        Assert.Equal(before, contexts.Created); // nothing was resolved
    }

    [Fact]
    public async Task Request_WithoutContext_LegacyJson_200WithContextRequired()
    {
        var client = await ClientAsync();

        var (response, body) = await client.SendAsync(Post(ResidentQuery, new { atena = CitySeed.Taro }, task: null, accept: "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((JsonNode?)body["data"]);
        Assert.Equal("CONTEXT_REQUIRED", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Request_ContextInExtensions_Executes()
    {
        var client = await ClientAsync();
        var extensions = new { hub = new { task = Clerks.ResidentRegistry, purpose = "窓口での住民票確認", @case = "CASE-7" } };

        var (response, body) = await client.SendAsync(Post(
            "{ resident(atenaNumber: \"200001\") { name } }", task: null, purpose: null, caseId: null, extensions: extensions));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("山田 太郎", (string?)body["data"]!["resident"]!["name"]);
    }

    [Fact]
    public async Task Get_Query_Executes()
    {
        var client = await ClientAsync();

        var (response, body) = await client.SendAsync(Get("{ resident(atenaNumber: \"200001\") { name household { headName } } }"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("山田 太郎", (string?)body["data"]!["resident"]!["household"]!["headName"]);
    }

    [Fact]
    public async Task Get_Mutation_405()
    {
        var client = await ClientAsync();

        var (response, body) = await client.SendAsync(Get("mutation { resident(atenaNumber: \"200001\") { name } }"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Contains("POST", response.Content.Headers.Allow);
        Assert.NotNull(body["errors"]);
    }

    [Fact]
    public async Task Post_BadJson_400()
    {
        var client = await ClientAsync();
        var request = GraphQLClient.WithHeaders(
            new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{\"query\": ", Encoding.UTF8, "application/json") },
            Clerks.ResidentClerk, Clerks.ResidentRegistry, "check", null, "application/graphql-response+json");

        var (response, body) = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(body["errors"]);
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task Post_Batch_400()
    {
        var client = await ClientAsync();
        var request = GraphQLClient.WithHeaders(
            new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("[{\"query\": \"{ __typename }\"}]", Encoding.UTF8, "application/json") },
            Clerks.ResidentClerk, Clerks.ResidentRegistry, "check", null, "application/json");

        var (response, body) = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Batched", (string?)body["errors"]![0]!["message"], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_SyntaxError_400UnderGraphQLResponse_200UnderJson()
    {
        var client = await ClientAsync();

        var (strict, strictBody) = await client.SendAsync(Post("{ resident(atenaNumber: ", accept: "application/graphql-response+json"));
        var (legacy, legacyBody) = await client.SendAsync(Post("{ resident(atenaNumber: ", accept: "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, strict.StatusCode);
        Assert.Equal(HttpStatusCode.OK, legacy.StatusCode);
        Assert.Equal("application/json", legacy.Content.Headers.ContentType!.MediaType);
        Assert.False(strictBody.AsObject().ContainsKey("data"));
        Assert.NotNull(legacyBody["errors"]);
    }

    [Fact]
    public async Task Post_ValidationError_400()
    {
        var client = await ClientAsync();

        var (response, body) = await client.SendAsync(Post("{ resident(atenaNumber: \"200001\") { noSuchField } }"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull(body["errors"]);
    }

    [Fact]
    public async Task Post_WrongContentType_415()
    {
        var client = await ClientAsync();
        var request = GraphQLClient.WithHeaders(
            new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new StringContent("{ __typename }", Encoding.UTF8, "text/plain") },
            Clerks.ResidentClerk, Clerks.ResidentRegistry, "check", null, "application/graphql-response+json");

        var (response, _) = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Post_NothingAcceptable_406()
    {
        var client = await ClientAsync();

        var (response, _) = await client.SendAsync(Post("{ __typename }", accept: "text/html"));

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
    }

    [Fact]
    public async Task Post_NoAccept_AnswersApplicationJson()
    {
        var client = await ClientAsync();

        var (response, body) = await client.SendAsync(Post("{ resident(atenaNumber: \"200001\") { name } }", accept: null));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" }, response.Content.Headers.ContentType);
        Assert.Equal("山田 太郎", (string?)body["data"]!["resident"]!["name"]);
    }

    private static HttpRequestMessage Post(
        string query,
        object? variables = null,
        string? token = null,
        string? task = Clerks.ResidentRegistry,
        string? purpose = "窓口での住民票確認",
        string? caseId = "CASE-42",
        object? extensions = null,
        string? accept = "application/graphql-response+json") =>
        GraphQLClient.Post(query, variables, token ?? Clerks.ResidentClerk, task, purpose, caseId, extensions, accept);

    private static HttpRequestMessage Get(string query) => GraphQLClient.Get(query, Clerks.ResidentClerk, Clerks.ResidentRegistry);

    private async Task<GraphQLClient> ClientAsync() => (await ClientAndContextsAsync()).Client;

    private async Task<(GraphQLClient Client, CountingDbContextFactory Contexts)> ClientAndContextsAsync()
    {
        var started = await fixture.GetAsync();
        return (new GraphQLClient(started.Factory.CreateClient()), started.Contexts);
    }
}
