using GraphQLParser.AST;

namespace Hub.Api.GraphQL.Limits;

/// <summary>
/// The limits checked on a parsed document before it is validated or run: depth, the number of fields (a lower bound
/// of the complexity), aliases and introspection depth, each with fragments expanded (<see cref="SelectionShapes"/>).
/// Every operation of the document is held to them, whichever one the request runs. <c>@skip</c> and <c>@include</c>
/// are not evaluated: a selection counts whether or not it would be skipped.
/// </summary>
internal static class DocumentShapeLimits
{
    /// <summary>Every limit <paramref name="document"/> is over (empty when none).</summary>
    public static IReadOnlyList<string> Check(GraphQLDocument document, GraphQLLimitsOptions limits)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(limits);
        var shapes = new SelectionShapes(document);
        var largest = SelectionShape.Empty;
        foreach (var operation in document.Definitions.OfType<GraphQLOperationDefinition>())
        {
            var shape = shapes.Of(operation.SelectionSet);
            largest = new SelectionShape(
                Math.Max(largest.Fields, shape.Fields),
                Math.Max(largest.Aliases, shape.Aliases),
                Math.Max(largest.Depth, shape.Depth),
                Math.Max(largest.IntrospectionFields, shape.IntrospectionFields),
                Math.Max(largest.IntrospectionDepth, shape.IntrospectionDepth),
                Math.Max(largest.IntrospectionLists, shape.IntrospectionLists));
        }

        const string Section = GraphQLLimitsOptions.SectionName;
        var problems = new List<string>();
        if (shapes.TooDeepToMeasure)
        {
            problems.Add($"The query nests too deeply to be measured; at most {limits.MaxDepth} levels (setting {Section}:MaxDepth).");
        }
        else if (largest.Depth > limits.MaxDepth)
        {
            problems.Add($"The query is {largest.Depth} levels deep; at most {limits.MaxDepth} (setting {Section}:MaxDepth).");
        }

        if (largest.Fields > limits.MaxComplexity)
        {
            problems.Add($"The query selects {Count(largest.Fields)} fields once its fragments are expanded; at most {limits.MaxComplexity}, the complexity limit (setting {Section}:MaxComplexity).");
        }

        if (largest.Aliases > limits.MaxAliases)
        {
            problems.Add($"The query selects {Count(largest.Aliases)} aliased fields once its fragments are expanded; at most {limits.MaxAliases} (setting {Section}:MaxAliases).");
        }

        if (largest.IntrospectionDepth > limits.MaxIntrospectionDepth)
        {
            problems.Add($"The introspection nests {largest.IntrospectionDepth} levels deep (__schema or __type, then each nested fields, inputFields, interfaces or possibleTypes); at most {limits.MaxIntrospectionDepth} (setting {Section}:MaxIntrospectionDepth).");
        }

        return problems;
    }

    private static string Count(long count) =>
        count == long.MaxValue ? "more than 9,223,372,036,854,775,806" : count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture);
}
