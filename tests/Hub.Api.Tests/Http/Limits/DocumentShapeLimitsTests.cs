using GraphQLParser;
using GraphQLParser.AST;
using Hub.Api.GraphQL.Limits;

namespace Hub.Api.Tests.Http.Limits;

/// <summary>
/// The limits on a parsed document, fragments expanded: depth, fields, aliases and introspection depth. The
/// introspection cases are graphql-js' own tests of <c>MaxIntrospectionDepthRule</c> (validation/__tests__), whose
/// verdicts the hub keeps at its default cap of 3.
/// </summary>
public sealed class DocumentShapeLimitsTests
{
    private static readonly GraphQLLimitsOptions Defaults = new();

    [Theory]
    [InlineData("{ __typename }", 1)]
    [InlineData("{ a { b { c } } }", 3)]
    [InlineData("{ a { ...F } } fragment F on A { b { c } }", 3)] // a fragment adds no level of its own
    [InlineData("{ a { ... on A { b { ... { c { d } } } } } }", 4)]
    public void Depth_CountsEveryFieldAndNoFragment(string query, int depth)
    {
        var shape = Shape(query);

        Assert.Equal(depth, shape.Depth);
    }

    [Fact]
    public void Fields_FragmentSpreadManyTimes_CountedEachTime()
    {
        const string Query = "{ a: x { ...F } b: x { ...F } c: x { ...F } } fragment F on X { __typename y z: w }";

        var shape = Shape(Query);

        Assert.Equal(3 + (3 * 3), shape.Fields);
        Assert.Equal(3 + 3, shape.Aliases);
    }

    [Fact]
    public void Fields_FragmentFanOut_MeasuredWithoutExpanding()
    {
        // Sixty fragments each spreading the next twice: 2^60 fields, measured once per fragment.
        var fragments = string.Concat(Enumerable.Range(0, 60).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} "));
        var query = "{ ...F0 } " + fragments + "fragment F60 on Query { __typename }";
        var shape = Shape(query);

        // Visiting each field would take years: the test finishing at all is the point.
        Assert.Equal(1L << 60, shape.Fields);
        Assert.Contains(DocumentShapeLimits.Check(Parser.Parse(query), Defaults), p => p.Contains("Hub:GraphQL:MaxComplexity", StringComparison.Ordinal));
    }

    [Fact]
    public void Fields_BeyondLong_Saturate()
    {
        var fragments = string.Concat(Enumerable.Range(0, 70).Select(i => $"fragment F{i} on Query {{ ...F{i + 1} ...F{i + 1} }} "));
        var query = "{ ...F0 } " + fragments + "fragment F70 on Query { __typename }";

        var shape = Shape(query);

        Assert.Equal(long.MaxValue, shape.Fields);
    }

    [Fact]
    public void FragmentCycle_LeftToTheSpecsRules()
    {
        const string Query = "{ ...A } fragment A on Query { __typename ...B } fragment B on Query { ...A }";

        Assert.Empty(DocumentShapeLimits.Check(Parser.Parse(Query), Defaults));
    }

    [Fact]
    public void EveryOperation_IsHeldToTheLimits()
    {
        var deep = "query Deep { a { b { c { d { e { f { g { h { i { j { k { l { m { n { o { p } } } } } } } } } } } } } } } }";
        var query = "query Shallow { __typename } " + deep;

        Assert.Contains(DocumentShapeLimits.Check(Parser.Parse(query), Defaults), p => p.Contains("16 levels", StringComparison.Ordinal));
    }

    [Fact]
    public void IntrospectionFields_ThoseBeneathSchemaOrType()
    {
        const string Query = "{ __typename a { b } __schema { types { ...T } } } fragment T on __Type { name fields { name } }";

        var shape = Shape(Query);

        Assert.Equal(4, shape.IntrospectionFields); // types, name, fields, fields.name
        Assert.Equal(8, shape.Fields); // and __typename, a, b, __schema
    }

    [Theory]
    [MemberData(nameof(GraphQLJsIntrospectionCases))]
    public void IntrospectionDepth_AsGraphQLJs(string query, bool refused)
    {
        var problems = DocumentShapeLimits.Check(Parser.Parse(query), Defaults);

        Assert.Equal(refused, problems.Any(p => p.Contains("Hub:GraphQL:MaxIntrospectionDepth", StringComparison.Ordinal)));
    }

    [Fact]
    public void IntrospectionDepth_GraphiQLsQuery_WithinEveryLimit()
    {
        var query = LegitimateDocumentTests.GraphiQLIntrospectionQuery();

        var shape = Shape(query);

        Assert.Empty(DocumentShapeLimits.Check(Parser.Parse(query), Defaults));
        Assert.Equal(15, shape.Depth);
        Assert.Equal(2, shape.IntrospectionDepth);
        Assert.Equal(220, shape.Fields); // docs/api.md: five copies under aliases are over the complexity limit of 1000
    }

    public static TheoryData<string, bool> GraphQLJsIntrospectionCases() => new()
    {
        { "{ __type(name: \"Query\") { trueFields: fields(includeDeprecated: true) { name } falseFields: fields(includeDeprecated: false) { name } omittedFields: fields { name } } }", false },
        { "{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }", true },
        { "{ __schema { types { interfaces { interfaces { interfaces { name } } } } } }", true },
        { "{ __schema { types { possibleTypes { possibleTypes { possibleTypes { name } } } } } }", true },
        { "{ __schema { types { inputFields { type { inputFields { type { inputFields { type { name } } } } } } } } }", true },
        { "{ one: __schema { types { fields { type { fields { type { fields { name } } } } } } } two: __schema { types { name } } }", true },
        { "{ __type(name: \"Query\") { types { fields { type { fields { type { fields { name } } } } } } } }", true },
        { "{ __schema { types { fields { type { oneFields: fields { name } twoFields: fields { name } threeFields: fields { name } } } } } }", false },
        { "{ __schema { types { fields { type { fields { type { ofType { fields { name } } } } } } } } }", true },
        { "query test { __schema { types { ... on __Type { fields { type { ... on __Type { ofType { fields { type { ... on __Type { fields { name } } } } } } } } } } } }", true },
        { "query test { __schema { types { ...One } } } fragment One on __Type { fields { type { ...Two } } } fragment Two on __Type { fields { type { ...Three } } } fragment Three on __Type { fields { name } }", true },
        { "{ ... { __schema { types { fields { type { fields { type { fields { name } } } } } } } } }", true },
        { "query test { __schema { types { ...Missing } } }", false },
        { "query test { __schema { types { ...Cycle } } } fragment Cycle on __Type { ...Cycle }", false },
        { "{ __schema { types { fields { type { fields { name } } } } } }", false },
        // Not introspection: data fields named like its lists count for nothing.
        { "{ fields { fields { fields { fields { name } } } } }", false },
    };

    private static SelectionShape Shape(string query)
    {
        var document = Parser.Parse(query);
        return new SelectionShapes(document).Of(document.Definitions.OfType<GraphQLOperationDefinition>().First().SelectionSet);
    }
}
