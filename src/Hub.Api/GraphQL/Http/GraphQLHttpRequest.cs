using System.Text.Json;

namespace Hub.Api.GraphQL.Http;

/// <summary>A well-formed GraphQL-over-HTTP request: the document text and its optional parts, as sent.</summary>
/// <param name="Query">The document.</param>
/// <param name="OperationName">The operation to run, when the document has several.</param>
/// <param name="Variables">The variables object, if any.</param>
/// <param name="Extensions">The extensions object, if any (the request context may ride in <c>extensions.hub</c>).</param>
internal sealed record GraphQLHttpRequest(string Query, string? OperationName, JsonElement? Variables, JsonElement? Extensions);
