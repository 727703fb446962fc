using GraphQLParser;
using Hub.Api.GraphQL.Http;

namespace Hub.Api.Tests.Http;

/// <summary>The cache of validated documents: found by exact query text, bounded (least recently used dropped), long queries not kept.</summary>
public sealed class ValidatedDocumentCacheTests
{
    [Fact]
    public void Find_AfterAdd_TheSameDocumentForTheSameTextOnly()
    {
        var cache = new ValidatedDocumentCache();
        var document = Parser.Parse("{ __typename }");

        cache.Add("{ __typename }", document);

        Assert.Same(document, cache.Find("{ __typename }")!.Document);
        Assert.False(cache.Find("{ __typename }")!.PageSizeFromVariables);
        Assert.Null(cache.Find("{  __typename }"));
    }

    [Theory]
    [InlineData("query Q($n: Int) { searchResidents(kana: \"ヤ\", first: $n) { atenaNumber } }", true)]
    [InlineData("query Q($n: Int) { ...F } fragment F on Query { searchResidents(kana: \"ヤ\", first: $n) { atenaNumber } }", true)]
    [InlineData("query Q($n: Int) { ... on Query { searchResidents(limit: $n) { atenaNumber } } }", true)]
    [InlineData("query Q($a: String!) { searchResidents(kana: $a, first: 5) { atenaNumber } }", false)]
    [InlineData("query P($f: String!, $a: String!) { prefill(formId: $f, atenaNumber: $a) { items { id } } }", false)]
    public void Add_PageSizeFromAVariable_IsNoted(string query, bool expected)
    {
        var cache = new ValidatedDocumentCache();

        cache.Add(query, Parser.Parse(query));

        Assert.Equal(expected, cache.Find(query)!.PageSizeFromVariables);
    }

    [Fact]
    public void Add_Full_DropsTheLeastRecentlyUsedSoQueriesInUseStay()
    {
        var cache = new ValidatedDocumentCache();
        var inUse = "{ inUse: __typename }";
        cache.Add(inUse, Parser.Parse(inUse));
        var first = "{ a0: __typename }";
        for (var i = 0; i <= ValidatedDocumentCache.MaxEntries; i++)
        {
            var query = "{ a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": __typename }";
            cache.Add(query, Parser.Parse(query));
            Assert.NotNull(cache.Find(inUse));
        }

        Assert.Equal(ValidatedDocumentCache.MaxEntries, cache.Count);
        Assert.NotNull(cache.Find(inUse));
        Assert.Null(cache.Find(first));
    }

    [Fact]
    public void Add_VeryLongQuery_NotKept()
    {
        var cache = new ValidatedDocumentCache();
        var query = "{ __typename }" + new string(' ', ValidatedDocumentCache.MaxQueryLength);

        cache.Add(query, Parser.Parse(query));

        Assert.Null(cache.Find(query));
    }
}
