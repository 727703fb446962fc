using GraphQLParser;
using Hub.Api.GraphQL.Http;

namespace Hub.Api.Tests.Http;

/// <summary>
/// The cache of validated documents: found by exact query text and operation, bounded (least recently used dropped),
/// long queries not kept, noting whether a limit depends on the variables.
/// </summary>
public sealed class ValidatedDocumentCacheTests
{
    [Fact]
    public void Find_AfterAdd_TheSameDocumentForTheSameTextOnly()
    {
        var cache = new ValidatedDocumentCache();
        var document = Parser.Parse("{ __typename }");

        cache.Add("{ __typename }", null, document);

        Assert.Same(document, cache.Find("{ __typename }", null)!.Document);
        Assert.False(cache.Find("{ __typename }", null)!.LimitsFromVariables);
        Assert.Null(cache.Find("{  __typename }", null));
    }

    [Theory]
    [InlineData("query Q($n: Int) { searchResidents(kana: \"ヤ\", first: $n) { atenaNumber } }", true)]
    [InlineData("query Q($n: Int) { ...F } fragment F on Query { searchResidents(kana: \"ヤ\", first: $n) { atenaNumber } }", true)]
    [InlineData("query Q($n: Int) { ... on Query { searchResidents(limit: $n) { atenaNumber } } }", true)]
    [InlineData("query Q($a: String!) { searchResidents(kana: $a, first: 5) { atenaNumber } }", false)]
    [InlineData("query P($f: String!, $a: String!) { prefill(formId: $f, atenaNumber: $a) { items { id } } }", false)]
    [InlineData("query Q($b: Boolean!) { a: __typename @include(if: $b) }", true)]
    [InlineData("query Q($b: Boolean!) { ...F @skip(if: $b) } fragment F on Query { __typename }", true)]
    [InlineData("query Q($b: Boolean!) { ... @include(if: $b) { __typename } }", true)]
    [InlineData("{ a: __typename @include(if: true) }", false)]
    public void Add_PageSizeOrConditionFromAVariable_IsNoted(string query, bool expected)
    {
        var cache = new ValidatedDocumentCache();

        cache.Add(query, null, Parser.Parse(query));

        Assert.Equal(expected, cache.Find(query, null)!.LimitsFromVariables);
    }

    [Fact]
    public void Add_Full_DropsTheLeastRecentlyUsedSoQueriesInUseStay()
    {
        var cache = new ValidatedDocumentCache();
        var inUse = "{ inUse: __typename }";
        cache.Add(inUse, null, Parser.Parse(inUse));
        var first = "{ a0: __typename }";
        for (var i = 0; i <= ValidatedDocumentCache.MaxEntries; i++)
        {
            var query = "{ a" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + ": __typename }";
            cache.Add(query, null, Parser.Parse(query));
            Assert.NotNull(cache.Find(inUse, null));
        }

        Assert.Equal(ValidatedDocumentCache.MaxEntries, cache.Count);
        Assert.NotNull(cache.Find(inUse, null));
        Assert.Null(cache.Find(first, null));
    }

    [Fact]
    public void Add_VeryLongQuery_NotKept()
    {
        var cache = new ValidatedDocumentCache();
        var query = "{ __typename }" + new string(' ', ValidatedDocumentCache.MaxQueryLength);

        cache.Add(query, null, Parser.Parse(query));

        Assert.Null(cache.Find(query, null));
    }

    [Fact]
    public void Find_AnotherOperationOfTheSameText_NotFound()
    {
        // Complexity is weighed for the operation run: a document validated running A has not been weighed running B.
        var cache = new ValidatedDocumentCache();
        const string Query = "query A { __typename } query B { __typename }";
        cache.Add(Query, "A", Parser.Parse(Query));

        Assert.NotNull(cache.Find(Query, "A"));
        Assert.Null(cache.Find(Query, "B"));
        Assert.Null(cache.Find(Query, null));
    }
}
