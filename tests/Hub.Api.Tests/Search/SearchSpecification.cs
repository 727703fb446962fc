using System.Text.Json.Nodes;
using Hub.Api.Tests.GraphQL;
using Hub.Api.Tests.Support;
using Hub.Capabilities.Audit;
using Microsoft.EntityFrameworkCore;

namespace Hub.Api.Tests.Search;

/// <summary>
/// searchResidents as clerks search, per provider, on the small city (<see cref="CitySeed"/>): kanji or romaji names
/// folded for width, case and spaces, 住所 prefixes and every combination of keys; removed residents found too; every key
/// needs read access to its field, and the access record names the fields that chose the list.
/// </summary>
public abstract class SearchSpecification<TFixture>(TFixture fixture)
    where TFixture : HubGraphQLFixture
{
    private const string Query = "query S($kana: String, $name: String, $address: String, $birthDate: Date) { searchResidents(kana: $kana, name: $name, address: $address, birthDate: $birthDate, first: 50) { atenaNumber } }";

    [Theory]
    [InlineData("山田", new[] { CitySeed.Taro, CitySeed.Hanako, CitySeed.Ichiro, CitySeed.RemovedGrandfather })]
    [InlineData("山田 太郎", new[] { CitySeed.Taro })]
    [InlineData("山田　太", new[] { CitySeed.Taro })]
    [InlineData("山田源蔵", new[] { CitySeed.RemovedGrandfather })]
    [InlineData("NGUYEN", new[] { CitySeed.Lan })]
    [InlineData("nguyen van", new[] { CitySeed.Lan })]
    [InlineData("ＮＧＵＹＥＮ　ＶＡＮ　ＬＡＮ", new[] { CitySeed.Lan })]
    [InlineData("佐藤", new[] { RelatedSeed.Head, RelatedSeed.Child })]
    [InlineData("鈴木", new string[0])]
    public async Task ByName_KanjiOrRomaji_FoldedLikeTheStoredKey(string name, string[] expected)
    {
        var found = await Search(new { name });

        Assert.Equal(expected.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task KeysCombine_EveryKeyGivenMustMatch()
    {
        Assert.Equal([RelatedSeed.Head, RelatedSeed.Child], (await Search(new { address = "札幌市中央区北2条" })).Order(StringComparer.Ordinal));
        Assert.Equal([CitySeed.Hanako], await Search(new { name = "山田", kana = "やまだ　は" }));
        Assert.Equal([CitySeed.Taro], await Search(new { name = "山田", birthDate = "昭和50年4月1日" }));
        Assert.Empty(await Search(new { name = "山田", address = "札幌市中央区北2条" }));
        Assert.Equal([RelatedSeed.Child], await Search(new { name = "佐藤", address = "札幌市中央区北2条", kana = "さとう　ひ" }));
        Assert.Equal([CitySeed.Ichiro], await Search(new { kana = "ﾔﾏﾀﾞ ｲﾁ", address = "札幌市中央区", birthDate = "2011-03-01" }));
    }

    [Fact]
    public async Task NameKey_NeedsReadOnResidentName_AndTheAccessRecordNamesIt()
    {
        var client = await fixture.ClientAsync();
        var database = await fixture.DatabaseAsync();

        // The tax clerk has no role in the registry task: a name key there is refused, and nothing is listed.
        var (_, refused) = await client.SendAsync(GraphQLClient.Post(Query, new { name = "山田" }, Clerks.TaxClerk, Clerks.ResidentRegistry));
        Assert.Equal("FIELD_FORBIDDEN", refused["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>());
        Assert.DoesNotContain(CitySeed.Taro, refused["data"]?.ToJsonString() ?? string.Empty, StringComparison.Ordinal);

        var (_, body) = await client.SendAsync(GraphQLClient.Post(Query, new { name = "山田", address = "札幌" }, Clerks.ResidentClerk, Clerks.ResidentRegistry));
        Assert.True(body["errors"] is null, body.ToJsonString());
        await using var check = database.CreateContext();
        var record = await check.AccessRecords.AsNoTracking().OrderByDescending(r => r.Sequence).FirstAsync(TestContext.Current.CancellationToken);
        var paths = AccessRecordFormat.SplitPaths(record.FieldPaths);
        Assert.Contains("resident.name", paths);
        Assert.Contains("resident.address", paths);
    }

    private async Task<List<string>> Search(object variables)
    {
        var client = await fixture.ClientAsync();
        var (_, body) = await client.SendAsync(GraphQLClient.Post(Query, variables, Clerks.ResidentClerk, Clerks.ResidentRegistry));
        Assert.True(body["errors"] is null, body.ToJsonString());
        return [.. body["data"]!["searchResidents"]!.AsArray().Select(r => r!["atenaNumber"]!.GetValue<string>())];
    }
}

/// <summary>Search on SQLite.</summary>
public sealed class SqliteSearchTests(SqliteHubGraphQLFixture fixture)
    : SearchSpecification<SqliteHubGraphQLFixture>(fixture), IClassFixture<SqliteHubGraphQLFixture>;

/// <summary>Search on PostgreSQL.</summary>
public sealed class PostgreSqlSearchTests(PostgreSqlHubGraphQLFixture fixture)
    : SearchSpecification<PostgreSqlHubGraphQLFixture>(fixture), IClassFixture<PostgreSqlHubGraphQLFixture>;
