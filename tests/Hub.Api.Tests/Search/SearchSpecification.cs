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
    private const string Query = "query S($kana: String, $name: String, $alias: String, $address: String, $birthDate: Date, $includeRemoved: Boolean, $first: Int) { searchResidents(kana: $kana, name: $name, alias: $alias, address: $address, birthDate: $birthDate, includeRemoved: $includeRemoved, first: $first) { atenaNumber status } }";

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
        var found = await Search(new { name, includeRemoved = true });

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

        var (_, body) = await client.SendAsync(GraphQLClient.Post(Query, new { name = "山田", address = "札幌", first = 50 }, Clerks.ResidentClerk, Clerks.ResidentRegistry));
        Assert.True(body["errors"] is null, body.ToJsonString());
        await using var check = database.CreateContext();
        var record = await check.AccessRecords.AsNoTracking().OrderByDescending(r => r.Sequence).FirstAsync(TestContext.Current.CancellationToken);
        var paths = AccessRecordFormat.SplitPaths(record.FieldPaths);
        Assert.Contains("resident.name", paths);
        Assert.Contains("resident.address", paths);
    }

    [Theory]
    [InlineData("中村", new[] { CitySeed.Lan })]
    [InlineData("中村　蘭", new[] { CitySeed.Lan })]
    [InlineData("佐藤", new[] { RelatedSeed.Head })]
    [InlineData("NGUYEN", new string[0])]
    [InlineData("山田", new string[0])]
    public async Task ByAlias_通称FoldedLikeTheStoredKey_OnlyResidentsWithOne(string alias, string[] expected)
    {
        var found = await Search(new { alias });

        Assert.Equal(expected.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task AliasKey_NeedsReadOnResidentAlias_AndTheAccessRecordNamesIt()
    {
        var client = await fixture.ClientAsync();
        var database = await fixture.DatabaseAsync();

        // The tax task reads 氏名 but not 通称: an alias key there is refused, whatever removed residents it would include.
        var (_, refused) = await client.SendAsync(GraphQLClient.Post(Query, new { alias = "中村", includeRemoved = true }, Clerks.TaxClerk, Clerks.ResidentTax));
        Assert.Equal("FIELD_FORBIDDEN", refused["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>());
        Assert.Contains("resident.alias", refused["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        Assert.Equal([CitySeed.Lan], await Search(new { alias = "中村" }));
        await using var check = database.CreateContext();
        var record = await check.AccessRecords.AsNoTracking().OrderByDescending(r => r.Sequence).FirstAsync(TestContext.Current.CancellationToken);
        var paths = AccessRecordFormat.SplitPaths(record.FieldPaths);
        Assert.Contains("resident.alias", paths);
        Assert.Contains("resident.status", paths);
    }

    [Fact]
    public async Task RemovedResidents_LeftOutUnlessAsked_AndMarkedByStatus()
    {
        Assert.DoesNotContain(CitySeed.RemovedGrandfather, await Search(new { name = "山田" }));

        var client = await fixture.ClientAsync();
        var (_, body) = await client.SendAsync(GraphQLClient.Post(Query, new { name = "山田", includeRemoved = true }, Clerks.ResidentClerk, Clerks.ResidentRegistry));
        var removed = body["data"]!["searchResidents"]!.AsArray().Single(r => r!["atenaNumber"]!.GetValue<string>() == CitySeed.RemovedGrandfather)!;
        Assert.Equal("消除", removed["status"]!.GetValue<string>());
        Assert.All(body["data"]!["searchResidents"]!.AsArray().Where(r => r!["atenaNumber"]!.GetValue<string>() != CitySeed.RemovedGrandfather), r => Assert.Equal("住民", r!["status"]!.GetValue<string>()));
    }

    [Fact]
    public async Task LeavingRemovedOut_WhereTheTaskMayNotRead住民状態_IsRefusedNamingIt()
    {
        var client = await fixture.ClientAsync();

        var (_, refused) = await client.SendAsync(GraphQLClient.Post(Query, new { name = "山田" }, Clerks.TaxClerk, Clerks.ResidentTax));
        Assert.Equal("FIELD_FORBIDDEN", refused["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>());
        Assert.Contains("includeRemoved", refused["errors"]![0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);

        // The tax task reads 氏名 (not 宛名番号): with includeRemoved the four 山田 are listed, the removed one among them.
        var (_, body) = await client.SendAsync(GraphQLClient.Post("query S($name: String) { searchResidents(name: $name, includeRemoved: true) { name } }", new { name = "山田" }, Clerks.TaxClerk, Clerks.ResidentTax));
        Assert.True(body["errors"] is null, body.ToJsonString());
        Assert.Contains(body["data"]!["searchResidents"]!.AsArray(), r => r!["name"]!.GetValue<string>() == "山田 源蔵");
    }

    [Fact]
    public async Task ExactMatches_ComeBeforePrefixMatches_WhateverTheKanaOrder()
    {
        // 林 (リン) equals the key exactly; 林田 (ハヤシダ) only begins with it and sorts first by kana.
        var database = await fixture.DatabaseAsync();
        await using (var db = database.CreateContext())
        {
            if (!await db.Residents.AnyAsync(r => r.AtenaNumber == "900001", TestContext.Current.CancellationToken))
            {
                db.Residents.AddRange(
                    CitySeed.Resident("900001", "林田 一", "ハヤシダ ハジメ", "世帯主", "900000", "1980-01-01", new DateOnly(1980, 1, 1), "Day"),
                    CitySeed.Resident("900002", "林", "リン", "世帯主", "900003", "1981-01-01", new DateOnly(1981, 1, 1), "Day"));
                await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            }
        }

        Assert.Equal(["900002", "900001"], await Search(new { name = "林" }));
        Assert.Equal(["900001"], await Search(new { name = "林田" }));
        Assert.Single(await Search(new { name = "林", first = 1 }));
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
