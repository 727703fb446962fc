using GraphQLParser.AST;

namespace Hub.Api.GraphQL.Http;

/// <summary>A parsed document that passed every limit and validation rule once for one operation (<see cref="ValidatedDocumentCache"/>).</summary>
/// <param name="Document">The parsed document, shared by every request that sends the same text.</param>
/// <param name="LimitsFromVariables">
/// Whether a limit depends on the request's variables — a page-size argument, or an <c>@skip</c>/<c>@include</c>
/// condition (complexity leaves skipped selections out), takes a variable — so those limits must be checked again for
/// each request's variables.
/// </param>
internal sealed record ValidatedDocument(GraphQLDocument Document, bool LimitsFromVariables);
