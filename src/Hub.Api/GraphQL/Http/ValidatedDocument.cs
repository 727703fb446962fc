using GraphQLParser.AST;

namespace Hub.Api.GraphQL.Http;

/// <summary>A parsed document that passed every validation rule once (<see cref="ValidatedDocumentCache"/>).</summary>
/// <param name="Document">The parsed document, shared by every request that sends the same text.</param>
/// <param name="PageSizeFromVariables">Whether a page-size argument takes a variable, so the limits must be checked again for each request's variables.</param>
internal sealed record ValidatedDocument(GraphQLDocument Document, bool PageSizeFromVariables);
