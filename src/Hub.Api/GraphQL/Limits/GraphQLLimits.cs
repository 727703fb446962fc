using GraphQL.Validation;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;

namespace Hub.Api.GraphQL.Limits;

/// <summary>
/// The validation rules a request runs under: the spec's rules, depth and complexity, page size, and — outside
/// Development — no introspection. Introspection documents (Development only) skip depth and complexity: their shape is
/// fixed by the GraphQL spec, and GraphiQL's nests deeper than any query a counter sends.
/// </summary>
internal sealed class GraphQLLimits
{
    private readonly IValidationRule[] _rules;
    private readonly IValidationRule[] _introspectionRules;
    private readonly IValidationRule[] _validatedRules;
    private readonly IValidationRule[] _validatedIntrospectionRules;

    public GraphQLLimits(GraphQLLimitsOptions options, bool allowIntrospection)
    {
        Options = options;
        AllowIntrospection = allowIntrospection;
        var pageSize = new PageSizeValidationRule(options.MaxPageSize);
        var depthAndComplexity = new DepthAndComplexityRule(options);
        _introspectionRules = [.. DocumentValidator.CoreRules, pageSize];
        _rules = allowIntrospection
            ? [.. DocumentValidator.CoreRules, depthAndComplexity, pageSize]
            : [.. DocumentValidator.CoreRules, depthAndComplexity, pageSize, NoIntrospectionValidationRule.Instance];

        // What depends on the request's variables: page sizes, and complexity (it counts list arguments' values).
        _validatedIntrospectionRules = [pageSize];
        _validatedRules = [depthAndComplexity, pageSize];
    }

    /// <summary>The configured limits.</summary>
    public GraphQLLimitsOptions Options { get; }

    /// <summary>Whether <c>__schema</c> and <c>__type</c> may be asked (Development only).</summary>
    public bool AllowIntrospection { get; }

    /// <summary>The rules for <paramref name="document"/> (null when it did not parse: the executer reports that).</summary>
    public IEnumerable<IValidationRule> RulesFor(GraphQLDocument? document) =>
        AllowIntrospection && document is not null && IsIntrospectionOnly(document) ? _introspectionRules : _rules;

    /// <summary>
    /// The rules for a document that already passed <see cref="RulesFor"/> in an earlier request
    /// (<see cref="Http.ValidatedDocumentCache"/>): none, unless a page-size argument takes a variable — then depth and
    /// complexity (which count page sizes) and the page-size limit run again for this request's values. The spec's rules
    /// and the introspection ban look at the document alone, so their answer cannot have changed.
    /// </summary>
    public IEnumerable<IValidationRule> RulesForValidated(Http.ValidatedDocument validated)
    {
        ArgumentNullException.ThrowIfNull(validated);
        if (!validated.PageSizeFromVariables)
        {
            return [];
        }

        return AllowIntrospection && IsIntrospectionOnly(validated.Document) ? _validatedIntrospectionRules : _validatedRules;
    }

    private static bool IsIntrospectionOnly(GraphQLDocument document) =>
        document.Definitions.OfType<GraphQLOperationDefinition>().All(operation =>
            operation.Operation == OperationType.Query
            && operation.SelectionSet.Selections.All(s => s is GraphQLField f && f.Name.Value.Span.StartsWith("__")));
}
