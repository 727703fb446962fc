using GraphQLParser.AST;
using Hub.Api.Caching;
using Hub.Api.GraphQL.Limits;

namespace Hub.Api.GraphQL.Http;

/// <summary>
/// Parsed documents that passed the limits and validation, by their exact query text and the operation run. A query a
/// counter or portal sends again and again (the same prefill with other variables) is neither parsed, measured nor run
/// through the spec's validation rules again. Only a document whose limits depend on the request's variables (a page size
/// or an <c>@skip</c>/<c>@include</c> condition passed as a variable) has those rules run again
/// (<see cref="GraphQLLimits.RulesForValidated"/>). The operation is part of the key because complexity is computed for
/// the operation a request runs: another operation of the same text has not been weighed. Bounded: past
/// <see cref="MaxEntries"/> documents the one used least recently is dropped (a client sending ever new texts cannot push
/// out the queries in steady use all at once), and very long queries are not kept.
/// </summary>
internal sealed class ValidatedDocumentCache
{
    /// <summary>The most documents kept.</summary>
    public const int MaxEntries = 1_000;

    /// <summary>The longest query text kept (characters).</summary>
    public const int MaxQueryLength = 16_384;

    private readonly LruCache<(string Query, string? OperationName), ValidatedDocument> _documents = new(MaxEntries);

    /// <summary>How many documents are kept (for tests and diagnostics).</summary>
    public int Count => _documents.Count;

    /// <summary>The document of <paramref name="query"/> validated for <paramref name="operationName"/>, or null when it is not (or no longer) kept.</summary>
    public ValidatedDocument? Find(string query, string? operationName) =>
        _documents.TryGet((query, operationName), out var document) ? document : null;

    /// <summary>Keeps <paramref name="document"/>, parsed from <paramref name="query"/>, once it has passed every limit and validation rule running <paramref name="operationName"/>.</summary>
    public void Add(string query, string? operationName, GraphQLDocument document)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Length > MaxQueryLength)
        {
            return;
        }

        _documents.Set((query, operationName), new ValidatedDocument(document, LimitsFromVariables(document)));
    }

    /// <summary>
    /// Whether a page-size argument (which complexity and the page-size limit read) or an <c>@skip</c>/<c>@include</c>
    /// condition (which complexity reads) takes a variable's value anywhere in the document.
    /// </summary>
    private static bool LimitsFromVariables(GraphQLDocument document) =>
        document.Definitions.Any(d => d switch
        {
            GraphQLOperationDefinition operation => LimitsFromVariables(operation.SelectionSet),
            GraphQLFragmentDefinition fragment => LimitsFromVariables(fragment.SelectionSet),
            _ => false,
        });

    private static bool LimitsFromVariables(GraphQLSelectionSet? selections) =>
        selections is not null && selections.Selections.Any(s => ConditionFromVariable(s as IHasDirectivesNode) || s switch
        {
            GraphQLField field => (field.Arguments?.Items.Any(a => a.Value is GraphQLVariable && PageSizeValidationRule.ArgumentNames.Contains(a.Name.StringValue)) ?? false)
                || LimitsFromVariables(field.SelectionSet),
            GraphQLInlineFragment inline => LimitsFromVariables(inline.SelectionSet),
            _ => false,
        });

    private static bool ConditionFromVariable(IHasDirectivesNode? node) =>
        node?.Directives?.Items.Any(d => d.Name.Value.Span is "skip" or "include" && (d.Arguments?.Items.Any(a => a.Value is GraphQLVariable) ?? false)) ?? false;
}
