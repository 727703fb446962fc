using System.Collections.Concurrent;
using GraphQLParser.AST;

namespace Hub.Api.GraphQL.Http;

/// <summary>
/// Parsed documents that passed validation, by their exact query text. A query a counter or portal sends again and again
/// (the same prefill with other variables) is neither parsed nor run through the spec's validation rules again; only the
/// rules that depend on the request's variables run on it (<see cref="Limits.GraphQLLimits.RulesForValidated"/>).
/// Bounded: past <see cref="MaxEntries"/> documents it starts over, and very long queries are not kept.
/// </summary>
internal sealed class ValidatedDocumentCache
{
    /// <summary>The most documents kept.</summary>
    public const int MaxEntries = 1_000;

    /// <summary>The longest query text kept (characters).</summary>
    public const int MaxQueryLength = 16_384;

    private readonly ConcurrentDictionary<string, GraphQLDocument> _documents = new(StringComparer.Ordinal);

    /// <summary>How many documents are kept (for tests and diagnostics).</summary>
    public int Count => _documents.Count;

    /// <summary>The validated document of <paramref name="query"/>, or null when it is not (or no longer) kept.</summary>
    public GraphQLDocument? Find(string query) => _documents.TryGetValue(query, out var document) ? document : null;

    /// <summary>Keeps <paramref name="document"/>, parsed from <paramref name="query"/>, once it has passed every validation rule.</summary>
    public void Add(string query, GraphQLDocument document)
    {
        if (query.Length > MaxQueryLength)
        {
            return;
        }

        if (_documents.Count >= MaxEntries)
        {
            _documents.Clear();
        }

        _documents.TryAdd(query, document);
    }
}
