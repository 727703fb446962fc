using GraphQLParser.AST;
using Hub.Api.Caching;
using Hub.Api.GraphQL.Limits;

namespace Hub.Api.GraphQL.Http;

/// <summary>
/// Parsed documents that passed validation, by their exact query text. A query a counter or portal sends again and again
/// (the same prefill with other variables) is neither parsed nor run through the spec's validation rules again. Only a
/// document whose limits depend on the request's variables (a page size passed as a variable) has those rules run again
/// (<see cref="GraphQLLimits.RulesForValidated"/>). Bounded: past <see cref="MaxEntries"/> documents the one used least
/// recently is dropped (a client sending ever new texts cannot push out the queries in steady use all at once), and very
/// long queries are not kept.
/// </summary>
internal sealed class ValidatedDocumentCache
{
    /// <summary>The most documents kept.</summary>
    public const int MaxEntries = 1_000;

    /// <summary>The longest query text kept (characters).</summary>
    public const int MaxQueryLength = 16_384;

    private readonly LruCache<string, ValidatedDocument> _documents = new(MaxEntries, StringComparer.Ordinal);

    /// <summary>How many documents are kept (for tests and diagnostics).</summary>
    public int Count => _documents.Count;

    /// <summary>The validated document of <paramref name="query"/>, or null when it is not (or no longer) kept.</summary>
    public ValidatedDocument? Find(string query) => _documents.TryGet(query, out var document) ? document : null;

    /// <summary>Keeps <paramref name="document"/>, parsed from <paramref name="query"/>, once it has passed every validation rule.</summary>
    public void Add(string query, GraphQLDocument document)
    {
        if (query.Length > MaxQueryLength)
        {
            return;
        }

        _documents.Set(query, new ValidatedDocument(document, PageSizeFromVariables(document)));
    }

    /// <summary>Whether a page-size argument (which depth, complexity and page-size limits read) takes a variable's value anywhere in the document.</summary>
    private static bool PageSizeFromVariables(GraphQLDocument document) =>
        document.Definitions.Any(d => d switch
        {
            GraphQLOperationDefinition operation => PageSizeFromVariables(operation.SelectionSet),
            GraphQLFragmentDefinition fragment => PageSizeFromVariables(fragment.SelectionSet),
            _ => false,
        });

    private static bool PageSizeFromVariables(GraphQLSelectionSet? selections) =>
        selections is not null && selections.Selections.Any(s => s switch
        {
            GraphQLField field => (field.Arguments?.Items.Any(a => a.Value is GraphQLVariable && PageSizeValidationRule.ArgumentNames.Contains(a.Name.StringValue)) ?? false)
                || PageSizeFromVariables(field.SelectionSet),
            GraphQLInlineFragment inline => PageSizeFromVariables(inline.SelectionSet),
            _ => false,
        });
}
