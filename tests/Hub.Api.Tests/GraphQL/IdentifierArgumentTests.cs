using System.Text.Json.Nodes;
using Hub.Api.Tests.Support;
using Hub.Data.Providers;
using Hub.Testing.Databases;

namespace Hub.Api.Tests.GraphQL;

/// <summary>
/// A mistyped, full-width or wrong-length 宛名番号, 世帯番号 or 個人番号 is answered BAD_USER_INPUT naming the argument and
/// the rule it broke, by POST and by GET, never "not found" and never quoting the value; a well-formed number nobody
/// holds is NOT_FOUND. The hub checks check digits as the standard issues them (Hub:Identifiers:VerifyCheckDigits on).
/// </summary>
public sealed class IdentifierArgumentTests : IAsyncLifetime
{
    private TestDatabase? _database;
    private GraphQLClient? _client;
    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program>? _host;

    public static TheoryData<string, string, string, string> Malformed => new()
    {
        { "resident", "atenaNumber", "1000000075", "checkDigit" },
        { "resident", "atenaNumber", "１０００００００７４", "width" },
        { "resident", "atenaNumber", "8", "length" },
        { "resident", "atenaNumber", "1000000000000074", "length" },
        { "resident", "atenaNumber", "10000-0074", "digits" },
        { "household", "householdNumber", "2000000010", "checkDigit" },
        { "household", "householdNumber", "２０００００００１０", "width" },
        { "household", "householdNumber", "20000000100000000", "length" },
        { "residentByMyNumber", "myNumber", "987654321094", "checkDigit" },
        { "residentByMyNumber", "myNumber", "９８７６５４３２１０９３", "width" },
        { "residentByMyNumber", "myNumber", "98765432109", "length" },
    };

    public async ValueTask InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _host = HubHost.Create("Development", _database.Options, new Dictionary<string, string?> { ["Hub:Identifiers:VerifyCheckDigits"] = "true" });
        _client = new GraphQLClient(_host.CreateClient());
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await HubHost.DisposeQuietlyAsync(_host);
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Theory]
    [MemberData(nameof(Malformed))]
    public async Task MalformedNumber_PostOrGet_BadUserInputNamingArgumentAndRule(string field, string argument, string value, string rule)
    {
        var query = $"{{ {field}({argument}: \"{value}\") {{ __typename }} }}";
        foreach (var request in new[] { GraphQLClient.Post(query, token: Clerks.ResidentClerk, task: Clerks.ResidentRegistry), GraphQLClient.Get(query, Clerks.ResidentClerk, Clerks.ResidentRegistry) })
        {
            var (_, body) = await _client!.SendAsync(request);

            var error = body["errors"]![0]!;
            Assert.Equal("BAD_USER_INPUT", (string?)error["extensions"]!["code"]);
            Assert.Equal(argument, (string?)error["extensions"]!["argument"]);
            Assert.Equal(rule, (string?)error["extensions"]!["rule"]);
            Assert.Contains($"'{argument}'", (string?)error["message"], StringComparison.Ordinal);
            Assert.DoesNotContain(value, value.Length > 2 ? body.ToJsonString() : (string?)error["message"], StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("resident", "atenaNumber", "1000000074")]
    [InlineData("household", "householdNumber", "2000000011")]
    [InlineData("residentByMyNumber", "myNumber", "987654321093")]
    public async Task WellFormedNumberNobodyHolds_NotFound(string field, string argument, string value)
    {
        var (_, body) = await _client!.SendAsync(GraphQLClient.Post($"{{ {field}({argument}: \"{value}\") {{ __typename }} }}", token: Clerks.ResidentClerk, task: Clerks.ResidentRegistry));

        Assert.Equal("NOT_FOUND", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task CheckDigitsOff_AnOlderNumberWithoutOne_IsLookedUp()
    {
        await using var host = HubHost.Create("Development", _database!.Options);
        var client = new GraphQLClient(host.CreateClient());

        var (_, body) = await client.SendAsync(GraphQLClient.Post("{ resident(atenaNumber: \"1000000075\") { __typename } }", token: Clerks.ResidentClerk, task: Clerks.ResidentRegistry));

        Assert.Equal("NOT_FOUND", (string?)body["errors"]![0]!["extensions"]!["code"]);
        var (_, wide) = await client.SendAsync(GraphQLClient.Post("{ resident(atenaNumber: \"１０００００００７５\") { __typename } }", token: Clerks.ResidentClerk, task: Clerks.ResidentRegistry));
        Assert.Equal("width", (string?)wide["errors"]![0]!["extensions"]!["rule"]);
    }
}
